package dev.sluice.chaos;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Plays the scenario against the running system: the kill schedule, the pause and the outages, each on
 * its own thread, timed from the first submission. {@link #stop()} ends them early and always leaves
 * the system whole: outages restored, the paused worker resumed.
 */
public final class ChaosDirector implements AutoCloseable {
    /** How long the pause waits for a worker that holds a lease before giving up. */
    private static final Duration PAUSE_SEARCH = Duration.ofSeconds(120);
    /** Longest pause while waiting for another worker to take one of the stopped worker's leases over. */
    private static final Duration PAUSE_MAXIMUM = Duration.ofSeconds(120);
    /** A lease about to run out is no good for the pause: the point is to stop a holder mid-task. */
    private static final long MIN_REMAINING_LEASE_MILLIS = 400;

    private final Scenario scenario;
    private final WorkerFleet fleet;
    private final TaskTable tasks;
    private final QueueInspector queues;
    private final BooleanSupplier submissionsDone;
    private final int fleetSlots;
    private final OutageProxy sqsProxy;
    private final OutageProxy dynamoProxy;
    private final Timeline timeline;
    private final PrintStream progress;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopped;
    private volatile String pauseProblem;

    /** @param fleetSlots tasks the whole fleet runs at once (workers times concurrency) */
    public ChaosDirector(Scenario scenario, WorkerFleet fleet, TaskTable tasks, QueueInspector queues,
                         BooleanSupplier submissionsDone, int fleetSlots, OutageProxy sqsProxy,
                         OutageProxy dynamoProxy, Timeline timeline, PrintStream progress) {
        this.scenario = scenario;
        this.fleet = fleet;
        this.tasks = tasks;
        this.queues = queues;
        this.submissionsDone = submissionsDone;
        this.fleetSlots = fleetSlots;
        this.sqsProxy = sqsProxy;
        this.dynamoProxy = dynamoProxy;
        this.timeline = timeline;
        this.progress = progress;
    }

    public void start() {
        if (scenario.kills().enabled()) {
            spawn("chaos-kills", this::killLoop);
        }
        scenario.pause().ifPresent(plan -> spawn("chaos-pause", () -> pause(plan)));
        // One thread for all outages: they run one after the other, as planned.
        if (!scenario.outages().isEmpty()) {
            spawn("chaos-outages", this::outages);
        }
    }

    /** Why the planned pause did not happen, if it did not. */
    public Optional<String> pauseProblem() {
        return Optional.ofNullable(pauseProblem);
    }

    /** Stops the chaos and waits until the system is whole again. */
    public void stop() {
        stopped = true;
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void spawn(String name, Runnable body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (RuntimeException e) {
                progress.println("chaos: " + name + " failed: " + e);
            }
        }, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private void killLoop() {
        KillSchedule schedule = scenario.kills();
        while (!stopped) {
            if (!sleep(schedule.nextDelay())) {
                return;
            }
            List<WorkerFleet.Worker> candidates = fleet.candidates();
            if (!candidates.isEmpty() && !stopped) {
                fleet.killAndReplace(schedule.victim(candidates));
            }
        }
    }

    /**
     * Waits for {@code startAfter}, then for a backlog the rest of the fleet can absorb, with every task
     * submitted so that it only shrinks: with hundreds of messages visible, the stopped worker's messages
     * come back at the end of the line and nobody would take its tasks over, so resuming it would test
     * nothing. Then stops a lease holder.
     */
    private void pause(PausePlan plan) {
        if (!sleep(plan.startAfter())) {
            return;
        }
        while (!submissionsDone.getAsBoolean() || queues.queue().visible() > fleetSlots) {
            if (!sleep(Duration.ofSeconds(1))) {
                return;
            }
        }
        long deadline = System.nanoTime() + PAUSE_SEARCH.toNanos();
        while (!stopped && System.nanoTime() < deadline) {
            Optional<Map.Entry<WorkerFleet.Worker, List<TaskRecord>>> holder = leaseHolder();
            if (holder.isPresent()) {
                List<TaskRecord> held = holder.get().getValue();
                Map<String, Long> tokens = held.stream()
                        .collect(Collectors.toMap(TaskRecord::taskId, TaskRecord::fencingToken));
                Duration maximum = plan.duration().compareTo(PAUSE_MAXIMUM) > 0 ? plan.duration() : PAUSE_MAXIMUM;
                fleet.pause(holder.get().getKey(), plan.duration(), maximum, tokens, () -> held.stream()
                        .anyMatch(t -> tasks.fencingToken(t.jobId(), t.taskId()) > t.fencingToken()));
                return;
            }
            if (!sleep(Duration.ofMillis(250))) {
                return;
            }
        }
        pauseProblem = "no worker held a lease within " + PAUSE_SEARCH.toSeconds() + " s of the planned pause";
        progress.println("chaos: " + pauseProblem);
    }

    /**
     * A live worker with a PROCESSING task whose lease it holds for a while yet, read from the table:
     * the worker with most such tasks, ties by ID, so the choice does not depend on scan order.
     */
    private Optional<Map.Entry<WorkerFleet.Worker, List<TaskRecord>>> leaseHolder() {
        long now = System.currentTimeMillis();
        Map<String, List<TaskRecord>> byOwner = tasks.unfinished().stream()
                .filter(t -> TaskRecord.PROCESSING.equals(t.status()) && t.leaseOwner().isPresent()
                        && t.leaseExpiresAtMillis() > now + MIN_REMAINING_LEASE_MILLIS)
                .collect(Collectors.groupingBy(t -> t.leaseOwner().get(), TreeMap::new, Collectors.toList()));
        List<String> candidateIds = fleet.candidates().stream().map(WorkerFleet.Worker::id).toList();
        return byOwner.entrySet().stream()
                .filter(e -> candidateIds.contains(e.getKey()))
                .max(Comparator.<Map.Entry<String, List<TaskRecord>>>comparingInt(e -> e.getValue().size())
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .flatMap(e -> fleet.byId(e.getKey()).map(w -> Map.entry(w, e.getValue())));
    }

    private void outages() {
        Duration elapsed = Duration.ZERO;
        for (OutagePlan plan : scenario.outages()) {
            if (!sleep(plan.startAfter().minus(elapsed))) {
                return;
            }
            elapsed = plan.startAfter().plus(plan.duration());
            outage(plan);
        }
    }

    private void outage(OutagePlan plan) {
        List<OutageProxy> proxies = new ArrayList<>();
        if (plan.target().includesSqs()) {
            proxies.add(sqsProxy);
        }
        if (plan.target().includesDynamoDb()) {
            proxies.add(dynamoProxy);
        }
        long from = System.nanoTime();
        int reset = 0;
        try {
            for (OutageProxy proxy : proxies) {
                reset += proxy.outage();
            }
            progress.printf("chaos: t=%ds %s outage for %s s (%d connections reset)%n", timeline.secondsIntoRun(from),
                    plan.target().id(), ChaosOptions.seconds(plan.duration()), reset);
            sleep(plan.duration());
        } finally {
            proxies.forEach(OutageProxy::restore);
            long to = System.nanoTime();
            timeline.outage(new Timeline.Outage(plan.target(), from, to, reset, timeline.secondsIntoRun(from)));
            progress.printf("chaos: t=%ds %s back%n", timeline.secondsIntoRun(to), plan.target().id());
        }
    }

    /** False when interrupted by {@link #stop()}. */
    private boolean sleep(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return !stopped;
        }
        try {
            Thread.sleep(duration.toMillis());
            return !stopped;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
