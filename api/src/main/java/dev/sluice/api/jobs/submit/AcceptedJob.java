package dev.sluice.api.jobs.submit;

import dev.sluice.core.job.JobStatus;

/**
 * The 202 body. Always PENDING, also on an idempotent replay: a replay repeats the first answer, the
 * current state is what GET /v1/jobs/{id} is for.
 */
public record AcceptedJob(String jobId, JobStatus status) {
    public static AcceptedJob of(String jobId) {
        return new AcceptedJob(jobId, JobStatus.PENDING);
    }
}
