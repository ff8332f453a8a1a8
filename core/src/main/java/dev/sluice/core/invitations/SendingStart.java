package dev.sluice.core.invitations;

import java.time.Instant;

/** What {@link InvitationStore#markSending} found; only the first two allow sending. */
public sealed interface SendingStart {

    /** QUEUED (or already SENDING under this very token) → SENDING under the caller's token: send. */
    record Started(Invitation invitation) implements SendingStart {
    }

    /**
     * It was SENDING under an older token since {@code since}: that attempt may or may not have reached
     * the provider. The invitation is now SENDING under the caller's token; the caller decides whether
     * (and how, e.g. with the provider's idempotency key) to send again.
     */
    record PreviouslyStarted(long previousToken, Instant since, Invitation invitation) implements SendingStart {
    }

    /** A newer token holds it: this caller's lease is stale; send nothing. */
    record Superseded(Invitation invitation) implements SendingStart {
    }

    /** Sent already, accepted, failed or expired: nothing to send. */
    record NothingToSend(Invitation invitation) implements SendingStart {
    }

    /** No such invitation (erased, or past its retention). */
    record NotFound() implements SendingStart {
    }
}
