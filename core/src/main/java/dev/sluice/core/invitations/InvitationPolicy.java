package dev.sluice.core.invitations;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The numbers invitations live by. {@code perInviterPerDay}: invitations one inviter may create per
 * fixed UTC day; {@code duplicateWindow}: how long a number cannot be invited again, by anyone;
 * {@code expiry}: how long an invitation can be accepted; {@code retention}: how long its items stay
 * after that (DynamoDB TTL).
 */
public record InvitationPolicy(int perInviterPerDay, Duration duplicateWindow, Duration expiry, Duration retention) {
    public static final Duration DEFAULT_DUPLICATE_WINDOW = Duration.ofHours(24);

    public InvitationPolicy {
        if (perInviterPerDay < 1) {
            throw new IllegalArgumentException("perInviterPerDay must be at least 1");
        }
    }

    /** Time until the next UTC midnight, when an inviter's daily counter starts again; at least 1 s. */
    public static Duration untilNextUtcDay(Instant now) {
        Instant midnight = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return atLeastOneSecond(Duration.between(now, midnight));
    }

    /** {@code wait} in whole seconds, rounded up, at least 1: a client waiting that long is never early. */
    public static Duration atLeastOneSecond(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Duration.ofSeconds(Math.max(1, seconds));
    }
}
