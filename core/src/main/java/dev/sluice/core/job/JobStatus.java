package dev.sluice.core.job;

/** Lifecycle of a task, and (derived from its tasks) of a job. */
public enum JobStatus {
    PENDING,
    PROCESSING,
    COMPLETED,
    FAILED,
    /** Cancelled by its owner (DELETE /v1/jobs/{id}); final like COMPLETED and FAILED. */
    CANCELLED;

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
