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

    /** Removes only these fields: others in the MDC (traceId, spanId from OpenTelemetry) belong to their owners. */
    /** The trace this task's lines belong to; Quarkus does this itself only on its own (Vert.x) threads. */
    public static void trace(io.opentelemetry.api.trace.SpanContext span) {
        if (span.isValid()) {
            MDC.put("traceId", span.getTraceId());
            MDC.put("spanId", span.getSpanId());
        }
    }

    public static void clear() {
        MDC.remove("traceId");
        MDC.remove("spanId");
        MDC.remove("workerId");
        MDC.remove("jobId");
        MDC.remove("taskId");
        MDC.remove("attempt");
        MDC.remove("fencingToken");
    }
}
