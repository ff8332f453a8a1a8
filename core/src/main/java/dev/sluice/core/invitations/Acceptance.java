package dev.sluice.core.invitations;

/** What came of an invitee accepting an invite code. */
public sealed interface Acceptance {

    /**
     * ACCEPTED by this accepter and the inviter's reward written, exactly once; {@code repeated} when
     * the same accepter had accepted before (nothing was written this time).
     */
    record Accepted(Invitation invitation, boolean repeated) implements Acceptance {
    }

    /** No invitation has this code (or it was erased). */
    record NotFound() implements Acceptance {
    }

    /** Someone else accepted it first. */
    record AlreadyAccepted() implements Acceptance {
    }

    /** Past its expiry. */
    record Expired() implements Acceptance {
    }

    /** The inviter tried to accept their own invitation. */
    record SelfReferral() implements Acceptance {
    }

    /** FAILED: it was never sent and cannot be accepted. */
    record NotAcceptable(InvitationStatus status) implements Acceptance {
    }
}
