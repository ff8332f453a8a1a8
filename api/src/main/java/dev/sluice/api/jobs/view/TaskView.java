package dev.sluice.api.jobs.view;

import dev.sluice.core.job.JobStatus;
import java.time.Instant;

/** One task as clients see it; lease details (owner, fencing token) stay internal. */
public record TaskView(String taskId, JobStatus status, int attempts, String lastError, Instant startedAt,
                       Instant completedAt) {
}
