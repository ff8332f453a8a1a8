package dev.sluice.worker.model;

import java.util.Optional;

/** What invoking the model for one task attempt produced, after any in-process retries. */
public sealed interface ModelResult {

    record Success(byte[] body, String contentType) implements ModelResult {
    }

    /** Worth another attempt later: throttling, 5xx, timeouts, network errors. */
    record TransientFailure(String reason) implements ModelResult {
    }

    /** The model rejected the input; retrying cannot help. */
    record PermanentFailure(String reason) implements ModelResult {
    }

    /**
     * Not invoked (or not again) because the circuit breaker on the endpoint is open: the endpoint is
     * failing for everybody, which says nothing about this task. {@code lastFailure} is this attempt's
     * own last failure, if it had one before the breaker opened.
     */
    record CircuitOpen(Optional<String> lastFailure) implements ModelResult {
    }

    /** Cut short because the task was cancelled; the cancellation's reason decides what follows. */
    record Cancelled() implements ModelResult {
    }
}
