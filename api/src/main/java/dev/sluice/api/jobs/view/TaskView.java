package dev.sluice.api.jobs.view;

import dev.sluice.core.job.JobStatus;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One task as clients see it; lease details (owner, fencing token) stay internal. */
public record TaskView(String taskId, JobStatus status, int attempts, @Schema(nullable = true) String lastError,
                       @Schema(nullable = true) Instant startedAt, @Schema(nullable = true) Instant completedAt) {
}
