package dev.sluice.core.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InvitationPolicyTest {

    @Test
    void theDailyCounterRestartsAtTheNextUtcMidnight() {
        assertThat(InvitationPolicy.untilNextUtcDay(Instant.parse("2026-03-01T23:00:00Z"))).isEqualTo(Duration.ofHours(1));
        assertThat(InvitationPolicy.untilNextUtcDay(Instant.parse("2026-03-01T00:00:00Z"))).isEqualTo(Duration.ofDays(1));
        assertThat(InvitationPolicy.untilNextUtcDay(Instant.parse("2026-03-01T23:59:59.200Z"))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void waitsAreWholeSecondsRoundedUpAndNeverZero() {
        assertThat(InvitationPolicy.atLeastOneSecond(Duration.ofMillis(1500))).isEqualTo(Duration.ofSeconds(2));
        assertThat(InvitationPolicy.atLeastOneSecond(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(InvitationPolicy.atLeastOneSecond(Duration.ZERO)).isEqualTo(Duration.ofSeconds(1));
        assertThat(InvitationPolicy.atLeastOneSecond(Duration.ofSeconds(-5))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> new InvitationPolicy(0, Duration.ofHours(24), Duration.ofDays(30), Duration.ofDays(90)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
