package dev.sluice.core.invitations;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An invitation as stored, with its delivery attempts (oldest first). {@code status} is the stored
 * one; {@link #statusAt} is what a reader should see (EXPIRED once past {@code validUntil}). The
 * number itself is only here encrypted ({@code phoneCiphertext}) and masked.
 */
public record Invitation(
        String invitationId,
        String inviterId,
        String inviterName,
        String phoneCiphertext,
        String phoneHash,
        String phoneMasked,
        String inviteCode,
        InvitationStatus status,
        String jobId,
        Instant createdAt,
        Instant updatedAt,
        Instant validUntil,
        Optional<Long> sendingToken,
        Optional<Instant> sendingSince,
        Optional<String> provider,
        Optional<String> providerMessageId,
        Optional<Instant> sentAt,
        Optional<Instant> deliveredAt,
        Optional<Instant> acceptedAt,
        Optional<String> acceptedByHash,
        Optional<String> failureReason,
        int attemptCount,
        List<DeliveryAttempt> attempts) {

    public Invitation {
        attempts = List.copyOf(attempts);
    }

    /** The stored status, or EXPIRED when the invitation was neither accepted nor failed by {@code validUntil}. */
    public InvitationStatus statusAt(Instant now) {
        if (!status.isFinal() && !now.isBefore(validUntil)) {
            return InvitationStatus.EXPIRED;
        }
        return status;
    }
}
