package dev.sluice.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkerConfigCheckTest {

    @Test
    void maxTaskDurationMayReachTwelveHoursMinusTheLeaseTtl() {
        assertThat(WorkerConfigCheck.problems(Duration.ofSeconds(30), Duration.ofHours(2), 3)).isEmpty();
        assertThat(WorkerConfigCheck.problems(Duration.ofSeconds(30), Duration.ofHours(12).minusSeconds(30), 3))
                .isEmpty();
    }

    @Test
    void aMaxTaskDurationBeyondTheSqsCapIsRefusedWithTheNumbers() {
        assertThat(WorkerConfigCheck.problems(Duration.ofSeconds(30), Duration.ofHours(12).minusSeconds(29), 3))
                .singleElement().satisfies(problem -> assertThat(problem)
                        .contains("sluice.worker.max-task-duration=11h59m31s")
                        .contains("sluice.worker.lease-ttl (30s)")
                        .contains("11h59m30s")
                        .contains("12 hours"));
    }

    @Test
    void nonsenseValuesAreRefused() {
        assertThat(WorkerConfigCheck.problems(Duration.ZERO, Duration.ZERO, -1)).hasSize(3);
    }

    @Test
    void durationsReadAsTheyAreWritten() {
        assertThat(DurationText.of(Duration.ofHours(2))).isEqualTo("2h");
        assertThat(DurationText.of(Duration.ofSeconds(12))).isEqualTo("12s");
        assertThat(DurationText.of(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(DurationText.of(Duration.ofMillis(1500))).isEqualTo("1s500ms");
    }
}
