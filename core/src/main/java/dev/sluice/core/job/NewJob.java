package dev.sluice.core.job;

import java.util.Objects;
import java.util.Optional;

/**
 * A validated job request about to be persisted. {@code requestHash} fingerprints the request body so a
 * replay with the same idempotency key can be told apart from a different request reusing the key.
 */
public record NewJob(String ownerId, JobType type, String input, Optional<String> idempotencyKey, String requestHash) {
    public NewJob {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(requestHash, "requestHash");
    }
}
