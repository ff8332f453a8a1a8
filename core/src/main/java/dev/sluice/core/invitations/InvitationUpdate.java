package dev.sluice.core.invitations;

/** What came of one of the store's state changes after sending started. */
public sealed interface InvitationUpdate {

    /** Written; {@code invitation} is the state after it. */
    record Applied(Invitation invitation) implements InvitationUpdate {
    }

    /** The invitation already was in the state asked for (a repeated call): nothing written. */
    record Unchanged(Invitation invitation) implements InvitationUpdate {
    }

    /** Its state (or the sending token) does not allow the change: nothing written. */
    record Conflict(Invitation invitation) implements InvitationUpdate {
    }

    /** No such invitation, or no invitation for that provider message. */
    record NotFound() implements InvitationUpdate {
    }
}
