package dev.sluice.core.job;

import java.time.Instant;
import java.util.List;

/**
 * A client's request and its tasks. {@code input} is the validated request input as JSON text.
 * A job has no status of its own: it is derived from its tasks so the two can never disagree.
 */
public record Job(String jobId, String ownerId, JobType type, String input, Instant createdAt, List<Task> tasks) {

    public Job {
        tasks = List.copyOf(tasks);
    }

    /**
     * Any CANCELLED → CANCELLED (the owner's cancellation is the last word, even over a task that had
     * FAILED before); any FAILED → FAILED; all COMPLETED → COMPLETED; any not PENDING → PROCESSING;
     * else PENDING.
     */
    public JobStatus status() {
        if (tasks.stream().anyMatch(t -> t.status() == JobStatus.CANCELLED)) {
            return JobStatus.CANCELLED;
        }
        if (tasks.stream().anyMatch(t -> t.status() == JobStatus.FAILED)) {
            return JobStatus.FAILED;
        }
        if (!tasks.isEmpty() && tasks.stream().allMatch(t -> t.status() == JobStatus.COMPLETED)) {
            return JobStatus.COMPLETED;
        }
        if (tasks.stream().anyMatch(t -> t.status() != JobStatus.PENDING)) {
            return JobStatus.PROCESSING;
        }
        return JobStatus.PENDING;
    }
}
