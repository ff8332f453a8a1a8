package dev.sluice.core.job;

import java.util.Objects;

/** Identifies one task; a task ID embeds its job ID and index so it is unique across jobs. */
public record TaskRef(String jobId, String taskId) {
    public TaskRef {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(taskId, "taskId");
    }

    public static TaskRef of(String jobId, int index) {
        return new TaskRef(jobId, jobId + "-" + index);
    }
}
