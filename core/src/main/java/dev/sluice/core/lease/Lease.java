package dev.sluice.core.lease;

import dev.sluice.core.job.TaskRef;
import java.time.Instant;

/**
 * Proof that a worker holds a task. Every write made under a lease is conditional on
 * {@code owner} and {@code fencingToken}; a later holder always has a larger token.
 */
public record Lease(TaskRef ref, String owner, long fencingToken, Instant expiresAt, int attempt) {

    Lease extendedTo(Instant newExpiry) {
        return new Lease(ref, owner, fencingToken, newExpiry, attempt);
    }
}
