package dev.sluice.worker.logging;

import dev.sluice.core.lease.Lease;
import org.jboss.logging.MDC;

/**
 * The structured fields every log line about a task carries. Threads are pooled, so whoever sets
 * them clears them when the work for that task is done.
 */
public final class TaskLogContext {
    private TaskLogContext() {
    }

    public static void worker(String workerId) {
        MDC.put("workerId", workerId);
    }

    public static void task(String jobId, String taskId) {
        MDC.put("jobId", jobId);
        MDC.put("taskId", taskId);
    }

    public static void lease(Lease lease) {
        worker(lease.owner());
        task(lease.ref().jobId(), lease.ref().taskId());
        MDC.put("attempt", String.valueOf(lease.attempt()));
        MDC.put("fencingToken", String.valueOf(lease.fencingToken()));
    }

    public static void clear() {
        MDC.clear();
    }
}
