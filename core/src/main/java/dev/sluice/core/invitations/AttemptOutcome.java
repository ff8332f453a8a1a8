package dev.sluice.core.invitations;

/** What one delivery attempt (or a provider's later status report) came to. */
public enum AttemptOutcome {
    /** The provider accepted the message. */
    SENT,
    /** The provider refused it for good (bad number, blocked, opted out): never retried. */
    REJECTED,
    /** The provider refused it for now (outage, throttling): may be retried. */
    FAILED_TRANSIENT,
    /** No answer (timeout, connection lost): the provider may or may not have accepted it. */
    UNKNOWN,
    /** The provider reported the message delivered. */
    DELIVERED,
    /** The provider reported, after accepting it, that the message could not be delivered. */
    UNDELIVERED
}
