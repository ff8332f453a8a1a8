package dev.sluice.core.lease;

import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.Task;
import java.time.Instant;

/** The outcome of trying to take a task's lease. */
public sealed interface LeaseAcquisition {

    /** This worker now holds the task. */
    record Acquired(Lease lease, Task task) implements LeaseAcquisition {
    }

    /** Another worker holds a live lease until {@code expiresAt}. */
    record HeldElsewhere(String owner, Instant expiresAt) implements LeaseAcquisition {
    }

    /** The task already finished; its message is a duplicate. */
    record AlreadyTerminal(JobStatus status) implements LeaseAcquisition {
    }

    /** No such task: the message refers to nothing. */
    record Missing() implements LeaseAcquisition {
    }
}
