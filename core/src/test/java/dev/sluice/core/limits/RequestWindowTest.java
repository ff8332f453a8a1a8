package dev.sluice.core.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestWindowTest {

    @Test
    void windowsAreAlignedToTheEpochSoEveryReplicaAgrees() {
        RequestWindow window = RequestWindow.containing(Instant.parse("2026-03-01T00:00:03.500Z"), Duration.ofSeconds(2));

        assertThat(window.start()).isEqualTo(Instant.parse("2026-03-01T00:00:02Z"));
        assertThat(window.end()).isEqualTo(Instant.parse("2026-03-01T00:00:04Z"));
        assertThat(window.contains(Instant.parse("2026-03-01T00:00:02Z"))).isTrue();
        assertThat(window.contains(Instant.parse("2026-03-01T00:00:04Z"))).isFalse();
    }

    @Test
    void secondsLeftRoundUpAndAreNeverZero() {
        RequestWindow window = RequestWindow.containing(Instant.parse("2026-03-01T00:00:00Z"), Duration.ofMinutes(1));

        assertThat(window.secondsLeft(Instant.parse("2026-03-01T00:00:00Z"))).isEqualTo(60);
        assertThat(window.secondsLeft(Instant.parse("2026-03-01T00:00:58.001Z"))).isEqualTo(2);
        assertThat(window.secondsLeft(Instant.parse("2026-03-01T00:00:59.999Z"))).isEqualTo(1);
    }

    @Test
    void windowsAreWholeSeconds() {
        assertThatThrownBy(() -> RequestWindow.containing(Instant.EPOCH, Duration.ofMillis(1500)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestWindow.containing(Instant.EPOCH, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
