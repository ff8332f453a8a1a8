package dev.sluice.api.invitations;

import dev.sluice.core.invitations.InvitationStatus;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The 200 answer of {@code POST /api/invitations/{code}/accept}: the same for a repeat by the same caller. */
@Schema(name = "AcceptedInvitation")
public record AcceptedInvitation(
        @Schema(required = true, description = "always true") boolean success,
        @Schema(required = true) String invitationId,
        @Schema(required = true, example = "APP-8F3K92") String inviteCode,
        @Schema(required = true, example = "ACCEPTED") InvitationStatus status,
        @Schema(required = true, example = "Ana") String inviterName,
        @Schema(required = true) Instant acceptedAt) {
}
