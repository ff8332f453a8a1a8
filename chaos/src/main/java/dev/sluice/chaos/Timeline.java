package dev.sluice.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the chaos actually did and when, in {@link System#nanoTime()} of this JVM: the model simulator
 * runs in the same JVM, so these instants compare directly with its audit's {@code startNanos} and
 * {@code endNanos}. The audit analysis uses them to tell a stale holder (killed, paused, cut off) from
 * a healthy worker that lost its lease.
 */
public final class Timeline {

    /** A worker SIGKILLed at {@code nanos}. */
    public record Kill(String workerId, long pid, long nanos, long secondsIntoRun) {
    }

    /**
     * A worker SIGSTOPped from {@code fromNanos} to {@code toNanos} while holding {@code heldTasks}
     * (task ID to the fencing token of its lease then): a task whose final token is higher was taken over.
     */
    public record Pause(String workerId, long pid, long fromNanos, long toNanos, Map<String, Long> heldTasks,
                        long secondsIntoRun) {
    }

    /** Endpoints unreachable from {@code fromNanos} to {@code toNanos}. */
    public record Outage(OutageTarget target, long fromNanos, long toNanos, int connectionsReset,
                         long secondsIntoRun) {
        public boolean covers(long nanos) {
            return nanos >= fromNanos && nanos <= toNanos;
        }
    }

    private volatile long startNanos = System.nanoTime();
    private final List<Kill> kills = new ArrayList<>();
    private final List<Pause> pauses = new ArrayList<>();
    private final List<Outage> outages = new ArrayList<>();

    /** Marks the start of the run proper (the first submission): reported times count from here. */
    public void begin() {
        startNanos = System.nanoTime();
    }

    public long startNanos() {
        return startNanos;
    }

    public long secondsIntoRun(long nanos) {
        return (nanos - startNanos) / 1_000_000_000L;
    }

    public synchronized void kill(Kill kill) {
        kills.add(kill);
    }

    public synchronized void pause(Pause pause) {
        pauses.add(pause);
    }

    public synchronized void outage(Outage outage) {
        outages.add(outage);
    }

    public synchronized List<Kill> kills() {
        return List.copyOf(kills);
    }

    public synchronized List<Pause> pauses() {
        return List.copyOf(pauses);
    }

    public synchronized List<Outage> outages() {
        return List.copyOf(outages);
    }

    public synchronized Optional<Kill> killOf(String workerId) {
        return kills.stream().filter(k -> k.workerId().equals(workerId)).findFirst();
    }
}
