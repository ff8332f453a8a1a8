package dev.sluice.core.invitations;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The sending side of invitations: what the {@code sms.invite} worker reads and the fenced transitions
 * it makes (see {@link SendingStart} and {@link InvitationUpdate}). It needs neither the phone-hash key
 * nor the creation policy, so the worker holds only this.
 */
public final class InvitationDelivery {
    private final InvitationTable table;
    private final DeliveryTransitions transitions;

    public InvitationDelivery(DynamoDbClient dynamo, String table, Clock clock) {
        this(new InvitationTable(dynamo, table), clock);
    }

    InvitationDelivery(InvitationTable table, Clock clock) {
        this.table = table;
        this.transitions = new DeliveryTransitions(table, this::find, clock);
    }

    /** The invitation with its delivery attempts, strongly consistent. */
    public Optional<Invitation> find(String invitationId) {
        Map<String, AttributeValue> invitation = null;
        List<DeliveryAttempt> attempts = new ArrayList<>();
        for (Map<String, AttributeValue> item : table.partition(InvitationKeys.invitationPk(invitationId))) {
            if (InvitationItems.isInvitation(item)) {
                invitation = item;
            } else {
                attempts.add(InvitationItems.toAttempt(item));
            }
        }
        return invitation == null ? Optional.empty() : Optional.of(InvitationItems.toInvitation(invitation, attempts));
    }

    /**
     * QUEUED → SENDING under the task lease's {@code fencingToken}. Call before handing the SMS to a
     * provider; send only on {@link SendingStart.Started} or (deciding deliberately) {@link SendingStart.PreviouslyStarted}.
     */
    public SendingStart markSending(String invitationId, long fencingToken) {
        return transitions.markSending(invitationId, fencingToken);
    }

    /** Adds an attempt (numbered by the store) without changing the status; the number, or empty if no such invitation. */
    public OptionalInt recordAttempt(String invitationId, DeliveryAttempt attempt) {
        return transitions.recordAttempt(invitationId, attempt);
    }

    /** SENDING under {@code fencingToken} → SENT, with the provider-message item and the attempt, in one transaction. */
    public InvitationUpdate markSent(String invitationId, long fencingToken, String provider, String providerMessageId,
                                     DeliveryAttempt attempt) {
        return transitions.markSent(invitationId, fencingToken, provider, providerMessageId, attempt);
    }

    /** SENDING under {@code fencingToken} → QUEUED after a definite refusal that may be retried. */
    public InvitationUpdate releaseSending(String invitationId, long fencingToken, DeliveryAttempt attempt) {
        return transitions.releaseSending(invitationId, fencingToken, attempt);
    }

    /** QUEUED or SENDING → FAILED, with the attempt that ended it. SENT and later are left alone. */
    public InvitationUpdate markFailed(String invitationId, String reason, DeliveryAttempt attempt) {
        return transitions.markFailed(invitationId, reason, Optional.of(attempt));
    }

    /** QUEUED or SENDING → FAILED without an attempt (e.g. the number could not be decrypted). */
    public InvitationUpdate markFailed(String invitationId, String reason) {
        return transitions.markFailed(invitationId, reason, Optional.empty());
    }

    /** SENT → DELIVERED for the provider's message; Unchanged when already DELIVERED or ACCEPTED. */
    public InvitationUpdate markDelivered(String provider, String providerMessageId) {
        return transitions.markDelivered(provider, providerMessageId);
    }

    /** The invitation a provider's message belongs to (written by {@link #markSent}). */
    public Optional<String> invitationOfMessage(String provider, String providerMessageId) {
        return transitions.invitationOf(provider, providerMessageId);
    }
}
