package dev.sluice.worker.task;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tasks running under a lease right now, so shutdown can cancel the ones the drain did not wait
 * out. Once shutdown has cancelled them, a task that takes its lease later is cancelled at once.
 */
@ApplicationScoped
public class InFlightTasks {
    private final Set<Cancellation> running = ConcurrentHashMap.newKeySet();
    private volatile CancelReason cancelAllReason;

    public void add(Cancellation task) {
        running.add(task);
        CancelReason reason = cancelAllReason;
        if (reason != null) {
            task.cancel(reason);
        }
    }

    public void remove(Cancellation task) {
        running.remove(task);
    }

    public int size() {
        return running.size();
    }

    /** Cancels every running task and every task that starts from now on; returns how many were running. */
    public int cancelAll(CancelReason reason) {
        cancelAllReason = reason;
        int cancelled = 0;
        for (Cancellation task : running) {
            task.cancel(reason);
            cancelled++;
        }
        return cancelled;
    }
}
