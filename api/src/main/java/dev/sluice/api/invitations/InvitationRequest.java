package dev.sluice.api.invitations;

import dev.sluice.core.invitations.PhoneNumber;

/** A validated {@code POST /api/invitations} body. */
public record InvitationRequest(PhoneNumber phone, String inviterName) {
}
