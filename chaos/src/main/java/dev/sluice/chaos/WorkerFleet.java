package dev.sluice.chaos;

import dev.sluice.devstack.AppProcess;
import dev.sluice.localaws.LocalPorts;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * The worker processes: {@code W} slots, each running one generation of the packaged worker at a time.
 * A killed worker is replaced at once by the next generation of its slot, as a Kubernetes Deployment
 * would; every generation gets its own worker ID ({@code chaos-w<slot>-g<generation>}) and its own
 * log file, so a killed generation's log survives for the final analysis.
 */
public final class WorkerFleet implements AutoCloseable {
    /** Small heap and C1 only: three workers, the API and the harness share two cores. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    /** One generation of one slot. */
    public record Worker(int slot, int generation, String id, AppProcess process) {
    }

    private final Path jar;
    private final Map<String, String> environment;
    private final Path logs;
    private final Timeline timeline;
    private final PrintStream progress;
    private final List<Worker> current = new ArrayList<>();
    private final List<Worker> everyGeneration = new ArrayList<>();
    private final ExecutorService readiness = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "worker-readiness");
        t.setDaemon(true);
        return t;
    });
    private Worker paused;

    public WorkerFleet(Path jar, Map<String, String> environment, Path logs, Timeline timeline, PrintStream progress) {
        this.jar = jar;
        this.environment = Map.copyOf(environment);
        this.logs = logs;
        this.timeline = timeline;
        this.progress = progress;
    }

    /** Starts generation 0 of every slot and waits until all are ready. */
    public void start(int slots) {
        List<Worker> started = new ArrayList<>();
        for (int slot = 1; slot <= slots; slot++) {
            started.add(launch(slot, 0));
        }
        started.forEach(w -> w.process().awaitReady(READY_TIMEOUT));
    }

    /** Live workers that may be killed or paused now: not the one that is stopped. */
    public synchronized List<Worker> candidates() {
        List<Worker> alive = new ArrayList<>();
        for (Worker w : current) {
            if (w.process().isAlive() && w != paused) {
                alive.add(w);
            }
        }
        return alive;
    }

    public synchronized Optional<Worker> byId(String workerId) {
        return current.stream().filter(w -> w.id().equals(workerId)).findFirst();
    }

    /** SIGKILL, then the slot's next generation starts at once (its readiness is awaited in the background). */
    public void killAndReplace(Worker victim) {
        synchronized (this) {
            if (!current.contains(victim) || victim == paused) {
                return;
            }
        }
        long pid = victim.process().pid();
        victim.process().kill();
        long nanos = System.nanoTime();
        timeline.kill(new Timeline.Kill(victim.id(), pid, nanos, timeline.secondsIntoRun(nanos)));
        Worker next = launch(victim.slot(), victim.generation() + 1);
        synchronized (this) {
            current.remove(victim);
        }
        progress.printf("chaos: t=%ds SIGKILL %s (pid %d), started %s%n",
                timeline.secondsIntoRun(nanos), victim.id(), pid, next.id());
        readiness.execute(() -> {
            try {
                next.process().awaitReady(READY_TIMEOUT);
            } catch (RuntimeException e) {
                progress.println("chaos: replacement " + next.id() + " did not become ready: " + e.getMessage());
            }
        });
    }

    /**
     * SIGSTOP for at least {@code minimum}, then until {@code takenOver} says another worker acquired one
     * of its leases (at most {@code maximum}), then SIGCONT; blocks meanwhile. Waiting for the takeover is
     * what makes the pause a test of fencing: with a backlog in the queue, the stopped worker's messages
     * come back behind hundreds of others, and a worker resumed before anyone took its tasks over may
     * rightly carry on. It stays in the fleet: neither killed nor replaced while stopped.
     */
    public void pause(Worker worker, Duration minimum, Duration maximum, Map<String, Long> heldTasks,
                      BooleanSupplier takenOver) {
        synchronized (this) {
            paused = worker;
        }
        long pid = worker.process().pid();
        long from = System.nanoTime();
        try {
            ProcessSignals.stop(pid);
            progress.printf("chaos: t=%ds SIGSTOP %s (pid %d) holding %d leases, for %s s or until one is taken over%n",
                    timeline.secondsIntoRun(from), worker.id(), pid, heldTasks.size(), ChaosOptions.seconds(minimum));
            if (sleep(minimum)) {
                long deadline = from + maximum.toNanos();
                while (System.nanoTime() < deadline && !takenOver.getAsBoolean() && sleep(Duration.ofMillis(500))) {
                    // still waiting for a takeover
                }
            }
        } finally {
            ProcessSignals.resume(pid);
            long to = System.nanoTime();
            synchronized (this) {
                paused = null;
            }
            timeline.pause(new Timeline.Pause(worker.id(), pid, from, to, Map.copyOf(heldTasks),
                    timeline.secondsIntoRun(from)));
            progress.printf("chaos: t=%ds SIGCONT %s after %d s%n", timeline.secondsIntoRun(to), worker.id(),
                    (to - from) / 1_000_000_000L);
        }
    }

    /** Every generation ever started, killed ones included: their logs are evidence. */
    public synchronized List<Worker> everyGeneration() {
        return List.copyOf(everyGeneration);
    }

    public synchronized int generationsStarted() {
        return everyGeneration.size();
    }

    /** SIGTERM to every live worker (after SIGCONT, in case one is still stopped), SIGKILL after the grace. */
    @Override
    public void close() {
        List<Worker> all;
        synchronized (this) {
            all = List.copyOf(everyGeneration);
            if (paused != null) {
                ProcessSignals.resume(paused.process().pid());
                paused = null;
            }
        }
        all.parallelStream().forEach(w -> w.process().stop(Duration.ofSeconds(15)));
        readiness.shutdownNow();
    }

    private Worker launch(int slot, int generation) {
        String id = "chaos-w" + slot + "-g" + generation;
        Map<String, String> env = new HashMap<>(environment);
        env.put("SLUICE_WORKER_ID", id);
        AppProcess process = AppProcess.start(id, jar, LocalPorts.free(), env, logs.resolve(id + ".log"), JVM_OPTIONS);
        Worker worker = new Worker(slot, generation, id, process);
        synchronized (this) {
            current.add(worker);
            everyGeneration.add(worker);
        }
        return worker;
    }

    /**
     * False when interrupted: that only cuts the pause short. The flag is deliberately not restored, so
     * the SIGCONT that follows can still wait for its {@code kill} command.
     */
    private static boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException cutShort) {
            return false;
        }
    }
}
