package dev.sluice.worker.model;

/**
 * The task was cancelled before or during an invocation. Aborts the in-process retry and is no
 * failure of the endpoint for the circuit breaker.
 */
public final class ModelCallCancelled extends RuntimeException {
    public ModelCallCancelled() {
        super("task cancelled", null, false, false);
    }
}
