package dev.sluice.chaos;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Waits for the system to settle: every submission answered, the task queue empty (nothing visible,
 * hidden or delayed), and every task terminal except those whose message is in the DLQ (they stay
 * PENDING until the reaper fails them). Gives up at the deadline, or earlier when the run has stalled:
 * queue empty, the same tasks unfinished for {@code stallGrace}. A stalled task has lost its message;
 * recovering it is the reaper's job, so waiting longer would not help.
 */
public final class Settling {
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);
    /**
     * The table is scanned only once the queue is quiet, and not more often than this: a Scan costs moto
     * about a second per few thousand items, time the workers' heartbeats would otherwise wait for.
     */
    private static final Duration SCAN_EVERY = Duration.ofSeconds(3);

    /** How a wait ended. {@code unfinished} are the task IDs neither terminal nor dead-lettered. */
    public record Result(boolean settled, boolean stalled, boolean timedOut, Set<String> unfinished,
                         long seconds) {
    }

    private final TaskTable tasks;
    private final QueueInspector queues;
    private final Supplier<Boolean> submissionsDone;
    private final Supplier<String> status;
    private final Timeline timeline;
    private final PrintStream progress;

    public Settling(TaskTable tasks, QueueInspector queues, Supplier<Boolean> submissionsDone,
                    Supplier<String> status, Timeline timeline, PrintStream progress) {
        this.tasks = tasks;
        this.queues = queues;
        this.submissionsDone = submissionsDone;
        this.status = status;
        this.timeline = timeline;
        this.progress = progress;
    }

    public Result await(long deadlineNanos, Duration stallGrace) {
        long start = System.nanoTime();
        long lastProgress = 0;
        long lastScan = 0;
        Set<String> unfinished = null;
        Set<String> lastUnfinished = null;
        long unchangedSince = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            QueueCounts queue = queues.queue();
            boolean quiet = submissionsDone.get() && queue.total() == 0;
            if (quiet && now - lastScan >= SCAN_EVERY.toNanos()) {
                lastScan = now;
                unfinished = unfinishedOutsideDlq();
                if (unfinished.isEmpty()) {
                    return new Result(true, false, false, Set.of(), seconds(start));
                }
                if (!unfinished.equals(lastUnfinished)) {
                    lastUnfinished = unfinished;
                    unchangedSince = now;
                } else if (now - unchangedSince >= stallGrace.toNanos()) {
                    progress.printf("chaos: stalled with %d unfinished tasks and an empty queue: %s%n",
                            unfinished.size(), sample(unfinished));
                    return new Result(false, true, false, unfinished, seconds(start));
                }
            } else if (!quiet) {
                unfinished = null;
                lastUnfinished = null;
            }
            if (now - lastProgress >= PROGRESS_EVERY.toNanos()) {
                lastProgress = now;
                progress.printf("chaos: t=%ds queue %d/%d/%d (visible/hidden/delayed) dlq %d%s %s%n",
                        timeline.secondsIntoRun(now), queue.visible(), queue.notVisible(), queue.delayed(),
                        queues.dlq().total(), unfinished == null ? "" : " unfinished " + unfinished.size(),
                        status.get());
            }
            if (now >= deadlineNanos) {
                Set<String> left = unfinishedOutsideDlq();
                progress.printf("chaos: timed out with %d unfinished tasks, queue %d%n", left.size(), queue.total());
                return new Result(false, false, true, left, seconds(start));
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(false, false, true, unfinished == null ? Set.of() : unfinished, seconds(start));
            }
        }
    }

    /**
     * Tasks not terminal, leaving out those whose message waits in the DLQ and that nobody works on:
     * PENDING, or PROCESSING under an expired lease (its last holder was killed mid-attempt and the
     * message ran out of receives before anyone took the task over; the reaper fails both).
     */
    private Set<String> unfinishedOutsideDlq() {
        List<TaskRecord> open = tasks.unfinished();
        Set<String> ids = new TreeSet<>();
        open.forEach(t -> ids.add(t.taskId()));
        if (ids.isEmpty() || queues.dlq().total() == 0) {
            return ids;
        }
        Set<String> deadLettered = queues.peekDlq().distinct();
        long now = System.currentTimeMillis();
        for (TaskRecord task : open) {
            boolean idle = TaskRecord.PENDING.equals(task.status()) || task.leaseExpiresAtMillis() < now;
            if (idle && deadLettered.contains(task.taskId())) {
                ids.remove(task.taskId());
            }
        }
        return ids;
    }

    private static long seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000_000L;
    }

    private static String sample(Set<String> ids) {
        return ids.size() <= 5 ? ids.toString() : List.copyOf(ids).subList(0, 5) + " ...";
    }
}
