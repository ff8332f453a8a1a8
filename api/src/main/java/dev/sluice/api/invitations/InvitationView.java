package dev.sluice.api.invitations;

import dev.sluice.core.invitations.InvitationStatus;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One invitation as its inviter sees it. {@code attempts} is present on {@code GET /api/invitations/{id}}
 * only (null in listings). The number is only ever shown masked.
 */
@Schema(name = "Invitation")
public record InvitationView(
        @Schema(required = true) String invitationId,
        @Schema(required = true, example = "APP-8F3K92") String inviteCode,
        @Schema(required = true) InvitationStatus status,
        @Schema(required = true, example = "+1415•••2671") String phoneNumberMasked,
        @Schema(required = true, example = "Ana") String inviterName,
        @Schema(required = true) String referralUrl,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true, description = "after this the invitation reads as EXPIRED unless accepted or failed") Instant expiresAt,
        @Schema(nullable = true) Instant sentAt,
        @Schema(nullable = true) Instant deliveredAt,
        @Schema(nullable = true) Instant acceptedAt,
        @Schema(nullable = true, description = "why it FAILED") String failureReason,
        @Schema(nullable = true) List<AttemptView> attempts) {
}
