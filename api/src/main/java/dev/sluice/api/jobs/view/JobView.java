package dev.sluice.api.jobs.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sluice.core.job.JobStatus;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * GET /v1/jobs/{id}. {@code updatedAt} is the latest change of any task, {@code attempts} the sum over
 * tasks and {@code lastError} the error of the most recently updated failing task; {@code output} is
 * present only when the job is COMPLETED.
 */
public record JobView(String jobId, String type, JobStatus status, Instant createdAt, Instant updatedAt,
                      int attempts, @Schema(nullable = true) String lastError, List<TaskView> tasks,
                      @JsonInclude(JsonInclude.Include.NON_NULL) OutputView output) {
}
