package dev.sluice.core.job;

import java.time.Instant;
import java.util.Optional;

/**
 * A unit of work as stored. Lease fields are present only while PROCESSING; output only when COMPLETED.
 * {@code fencingToken} only grows: every lease acquisition increments it. {@code attempts} counts
 * acquisitions; {@code modelFailures} only those attempts the model failed transiently.
 */
public record Task(
        TaskRef ref,
        JobType type,
        JobStatus status,
        int attempts,
        long fencingToken,
        Optional<String> leaseOwner,
        Optional<Instant> leaseExpiresAt,
        Optional<String> lastError,
        Optional<TaskOutput> output,
        Instant createdAt,
        Instant updatedAt,
        Optional<Instant> enqueuedAt,
        Optional<Instant> startedAt,
        Optional<Instant> completedAt,
        int shutdownReleases,
        int modelFailures,
        int dlqRequeues) {
}
