package dev.sluice.core.job;

/** Lifecycle of a task, and (derived from its tasks) of a job. */
public enum JobStatus {
    PENDING,
    PROCESSING,
    COMPLETED,
    FAILED;

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED;
    }
}
