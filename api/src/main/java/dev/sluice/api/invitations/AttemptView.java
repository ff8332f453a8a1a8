package dev.sluice.api.invitations;

import dev.sluice.core.invitations.AttemptOutcome;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One delivery attempt or provider report, as clients see it (no provider message ID). */
@Schema(name = "DeliveryAttempt")
public record AttemptView(
        @Schema(required = true, example = "1") int number,
        @Schema(required = true) Instant at,
        @Schema(required = true, example = "twilio") String provider,
        @Schema(required = true) AttemptOutcome outcome,
        @Schema(nullable = true, description = "the provider's error, personal data masked; null when none") String error) {
}
