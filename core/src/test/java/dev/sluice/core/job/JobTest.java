package dev.sluice.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static Task task(int i, JobStatus status) {
        return new Task(TaskRef.of("j", i), JobType.IMAGE_GENERATION, status, 0, 0, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), T, T, Optional.empty(), Optional.empty(), Optional.empty(), 0,
                0, 0);
    }

    private static JobStatus statusOf(JobStatus... tasks) {
        List<Task> list = new java.util.ArrayList<>();
        for (int i = 0; i < tasks.length; i++) {
            list.add(task(i, tasks[i]));
        }
        return new Job("j", "o", JobType.IMAGE_GENERATION, "{}", T, list).status();
    }

    @Test
    void statusIsDerivedFromTasks() {
        assertThat(statusOf(JobStatus.PENDING)).isEqualTo(JobStatus.PENDING);
        assertThat(statusOf(JobStatus.PROCESSING)).isEqualTo(JobStatus.PROCESSING);
        assertThat(statusOf(JobStatus.COMPLETED)).isEqualTo(JobStatus.COMPLETED);
        assertThat(statusOf(JobStatus.FAILED)).isEqualTo(JobStatus.FAILED);
        assertThat(statusOf(JobStatus.COMPLETED, JobStatus.PENDING)).isEqualTo(JobStatus.PROCESSING);
        assertThat(statusOf(JobStatus.COMPLETED, JobStatus.FAILED)).isEqualTo(JobStatus.FAILED);
        assertThat(statusOf(JobStatus.PENDING, JobStatus.PENDING)).isEqualTo(JobStatus.PENDING);
        assertThat(Arrays.stream(JobStatus.values()).filter(JobStatus::isTerminal))
                .containsExactly(JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.CANCELLED);
    }

    @Test
    void aCancelledTaskMakesTheJobCancelledWhateverElseHappened() {
        assertThat(statusOf(JobStatus.CANCELLED)).isEqualTo(JobStatus.CANCELLED);
        assertThat(statusOf(JobStatus.FAILED, JobStatus.CANCELLED)).as("cancellation wins over a failure")
                .isEqualTo(JobStatus.CANCELLED);
        assertThat(statusOf(JobStatus.COMPLETED, JobStatus.CANCELLED)).isEqualTo(JobStatus.CANCELLED);
        assertThat(statusOf(JobStatus.PROCESSING, JobStatus.CANCELLED)).isEqualTo(JobStatus.CANCELLED);
    }
}
