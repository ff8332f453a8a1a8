package dev.sluice.core.invitations;

import java.util.Objects;

/** A validated request to invite {@code phone} on behalf of {@code inviterId} (an owner ID). */
public record NewInvitation(String inviterId, String inviterName, PhoneNumber phone) {
    public NewInvitation {
        Objects.requireNonNull(inviterId, "inviterId");
        Objects.requireNonNull(inviterName, "inviterName");
        Objects.requireNonNull(phone, "phone");
    }
}
