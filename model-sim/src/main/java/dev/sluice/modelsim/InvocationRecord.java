package dev.sluice.modelsim;

/**
 * One invocation as the simulator saw it.
 *
 * <p>{@code startNanos} and {@code endNanos} come from {@link System#nanoTime()} of the simulator's
 * JVM: monotonic, so tests that run the simulator in-process can order invocations against their
 * own {@code System.nanoTime()} readings (for example "no call for a task after its lease was
 * lost"): the interval lies within the caller's view of the call, from sending the request to
 * reading the response. They mean nothing across processes.
 *
 * @param seq                    arrival order, from 1
 * @param endpoint               endpoint name from the path
 * @param taskId                 {@code taskId} custom attribute, or null
 * @param fencingToken           {@code fencingToken} custom attribute, or null
 * @param caller                 {@code worker} custom attribute, or null
 * @param customAttributes       the raw custom attributes header, or null
 * @param startNanos             when the request was received
 * @param endNanos               when the response was ready, just before it was written
 * @param simulatedLatencyMillis the latency slept before answering
 * @param statusCode             HTTP status sent
 * @param outcome                {@link #OK}, a {@link FailureKind} id, or {@link #VALIDATION_ERROR}
 * @param clientDisconnected     the response could not be written because the caller had gone
 *                               (best effort: a caller that hung up may still go unnoticed)
 */
public record InvocationRecord(
        long seq,
        String endpoint,
        String taskId,
        Long fencingToken,
        String caller,
        String customAttributes,
        long startNanos,
        long endNanos,
        long simulatedLatencyMillis,
        int statusCode,
        String outcome,
        boolean clientDisconnected) {

    public static final String OK = "ok";
    public static final String VALIDATION_ERROR = "validation-error";
    public static final String INTERNAL_ERROR = "internal-error";

    public boolean succeeded() {
        return OK.equals(outcome);
    }

    public boolean failedWith(FailureKind kind) {
        return kind.id().equals(outcome);
    }

    public long durationMillis() {
        return (endNanos - startNanos) / 1_000_000;
    }
}
