package dev.sluice.worker.model;

/** What one model invocation produced. */
public sealed interface ModelResult {

    record Success(byte[] body, String contentType) implements ModelResult {
    }

    /** Worth another attempt later: throttling, 5xx, timeouts, network errors. */
    record TransientFailure(String reason) implements ModelResult {
    }

    /** The model rejected the input; retrying cannot help. */
    record PermanentFailure(String reason) implements ModelResult {
    }
}
