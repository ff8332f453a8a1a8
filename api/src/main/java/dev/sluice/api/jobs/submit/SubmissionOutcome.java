package dev.sluice.api.jobs.submit;

import dev.sluice.core.job.Job;

/** What became of a validated job submission. */
public sealed interface SubmissionOutcome {

    /** The job is persisted and its tasks are queued; {@code replayed} when an idempotent retry found it. */
    record Accepted(Job job, boolean replayed) implements SubmissionOutcome {
    }

    /** The idempotency key belongs to a different request: nothing was written. */
    record KeyReused(String idempotencyKey) implements SubmissionOutcome {
    }

    /** The owner has as many unfinished jobs as allowed: nothing was written. */
    record ActiveJobsLimitReached() implements SubmissionOutcome {
    }

    /** Another request with the same idempotency key is being written at this moment. */
    record InFlight(String idempotencyKey) implements SubmissionOutcome {
    }

    /**
     * The job is persisted but a task could not be queued. It is not lost: an idempotent retry queues
     * what is missing, and tasks never marked enqueued are visible to recovery.
     */
    record NotQueued(Job job, RuntimeException cause) implements SubmissionOutcome {
    }
}
