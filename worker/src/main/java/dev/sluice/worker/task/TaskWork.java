package dev.sluice.worker.task;

import dev.sluice.core.job.Job;
import dev.sluice.core.job.JobType;
import dev.sluice.core.lease.Lease;
import dev.sluice.worker.model.ModelResult;
import java.util.Set;

/**
 * What a task of some job types does once its lease is taken. {@link TaskProcessor} keeps everything
 * around it (lease, heartbeat, output, commit, retry, metrics) the same for every type, so the work
 * answers in the model's terms: a success is the output to commit, a transient failure is retried.
 */
public interface TaskWork {

    /** The job types this work runs; exactly one work per type (checked at start-up). */
    Set<JobType> types();

    /** The name of the work's span under the task's trace. */
    String traceStep();

    /** Runs one attempt; returns {@link ModelResult.Cancelled} when {@code cancellation} stopped it. */
    ModelResult run(Job job, Lease lease, Cancellation cancellation);
}
