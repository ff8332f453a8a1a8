package dev.sluice.core.store;

import dev.sluice.core.job.Job;

/** What happened to a request to create a job. */
public sealed interface JobCreation {

    /** A new job was persisted; its tasks still have to be enqueued. */
    record Created(Job job) implements JobCreation {
    }

    /** The idempotency key was used before with the same request: this is that job. */
    record Replayed(Job job) implements JobCreation {
    }

    /** The idempotency key was used before with a different request. */
    record KeyReused(String idempotencyKey) implements JobCreation {
    }

    /** Another request with the same idempotency key is being written right now. */
    record InFlight(String idempotencyKey) implements JobCreation {
    }
}
