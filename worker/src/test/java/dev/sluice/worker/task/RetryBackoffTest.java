package dev.sluice.worker.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {
    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(60));

    @Test
    void doublesPerAttemptWithinHalfToFullOfTheCeiling() {
        for (int i = 0; i < 200; i++) {
            assertThat(backoff.after(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
            assertThat(backoff.after(3)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
        }
    }

    @Test
    void isCappedAndSurvivesHugeAttemptCounts() {
        assertThat(backoff.after(10_000)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    @Test
    void isJittered() {
        assertThat(java.util.stream.IntStream.range(0, 50).mapToObj(i -> backoff.after(5)).distinct().count())
                .isGreaterThan(10);
    }
}
