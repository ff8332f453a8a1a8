package dev.sluice.core.invitations;

/**
 * Lifecycle of an invitation: QUEUED → SENDING → SENT → DELIVERED → ACCEPTED, or FAILED; EXPIRED is
 * never stored: an invitation past its expiry that was not accepted or failed reads as EXPIRED.
 */
public enum InvitationStatus {
    /** Recorded, its {@code sms.invite} task queued (or about to be re-queued by the reaper). */
    QUEUED,
    /** A worker holding the task's lease is handing the SMS to a provider. */
    SENDING,
    /** A provider accepted the SMS. */
    SENT,
    /** The provider reported the SMS delivered to the handset. */
    DELIVERED,
    /** The invitee used the code; the inviter's referral reward exists. */
    ACCEPTED,
    /** Given up: no SMS will be sent. */
    FAILED,
    /** Past {@code sluice.invitations.expiry} and not accepted. */
    EXPIRED;

    /** Whether nothing can change the invitation any more. */
    public boolean isFinal() {
        return this == ACCEPTED || this == FAILED || this == EXPIRED;
    }

    /** Whether the invitee may accept it (when not expired). */
    public boolean isAcceptable() {
        return this == QUEUED || this == SENDING || this == SENT || this == DELIVERED;
    }
}
