package dev.sluice.core.message;

import dev.sluice.core.job.JobType;
import dev.sluice.core.job.TaskRef;
import java.time.Instant;
import java.util.Objects;

/**
 * The SQS message body for one task (envelope version {@link #CURRENT_VERSION}). It carries only
 * identifiers: the task's state lives in DynamoDB, so a stale or duplicate message is harmless.
 */
public record TaskMessage(int version, String jobId, String taskId, JobType type, String ownerId, Instant enqueuedAt) {
    public static final int CURRENT_VERSION = 1;

    public TaskMessage {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(enqueuedAt, "enqueuedAt");
    }

    public static TaskMessage of(TaskRef ref, JobType type, String ownerId, Instant enqueuedAt) {
        return new TaskMessage(CURRENT_VERSION, ref.jobId(), ref.taskId(), type, ownerId, enqueuedAt);
    }

    public TaskRef ref() {
        return new TaskRef(jobId, taskId);
    }
}
