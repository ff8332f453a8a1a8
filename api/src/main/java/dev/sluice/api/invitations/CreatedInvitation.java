package dev.sluice.api.invitations;

import dev.sluice.core.invitations.InvitationStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The 201 answer of {@code POST /api/invitations}. */
@Schema(name = "CreatedInvitation")
public record CreatedInvitation(
        @Schema(required = true, description = "always true") boolean success,
        @Schema(required = true, example = "APP-8F3K92", pattern = "^APP-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$") String inviteCode,
        @Schema(required = true) String invitationId,
        @Schema(required = true, example = "QUEUED") InvitationStatus status,
        @Schema(required = true, example = "https://sluice.example/invite/APP-8F3K92") String referralUrl) {
}
