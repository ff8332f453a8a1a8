package dev.sluice.worker.model;

/**
 * A failed invocation worth retrying. Thrown (not returned) so that Fault Tolerance sees it: it is
 * what the in-process retry retries and what the circuit breaker counts as a failure.
 */
public final class TransientModelException extends RuntimeException {
    public TransientModelException(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }
}
