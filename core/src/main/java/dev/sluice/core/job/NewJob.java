package dev.sluice.core.job;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated job request about to be persisted. {@code requestHash} fingerprints the request body so a
 * replay with the same idempotency key can be told apart from a different request reusing the key.
 * {@code objectKeys} are the S3 objects the job reads (uploaded videos): recording them lets the reaper
 * tell a referenced upload from an orphan without scanning the table.
 */
public record NewJob(String ownerId, JobType type, String input, Optional<String> idempotencyKey, String requestHash,
                     List<String> objectKeys) {
    public NewJob {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(requestHash, "requestHash");
        objectKeys = List.copyOf(objectKeys);
    }

    public NewJob(String ownerId, JobType type, String input, Optional<String> idempotencyKey, String requestHash) {
        this(ownerId, type, input, idempotencyKey, requestHash, List.of());
    }
}
