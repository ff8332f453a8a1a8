package dev.sluice.core.invitations;

import dev.sluice.core.store.JobStore;
import dev.sluice.core.store.JobTable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Invitations in the job table ({@link InvitationKeys}): created with their {@code sms.invite} job in
 * one transaction, read, listed, accepted, and moved along by the sending worker. Every state change
 * is a conditional write; see {@link SendingStart}, {@link InvitationUpdate} and {@link Acceptance}.
 */
public final class InvitationStore {
    public static final int MAX_LIST = 100;

    private final InvitationTable table;
    private final InvitationCreator creator;
    private final DeliveryTransitions delivery;
    private final InvitationAcceptance acceptance;

    /**
     * {@code hashKey}: the invitations' HMAC key (phone hashes, accepter hashes); {@code jobs} writes the
     * {@code sms.invite} job with the table's job retention.
     */
    public InvitationStore(DynamoDbClient dynamo, String table, JobStore jobs, PhoneCipher cipher, String hashKey,
                           InviteCodes codes, InvitationPolicy policy, Clock clock) {
        this.table = new InvitationTable(dynamo, table);
        this.creator = new InvitationCreator(this.table, jobs, cipher, new PhoneHasher(hashKey), codes, policy, clock);
        this.delivery = new DeliveryTransitions(this.table, this::find, clock);
        this.acceptance = new InvitationAcceptance(this.table, this::find, hashKey, policy.expiry().plus(policy.retention()), clock);
    }

    public InvitationCreation create(NewInvitation request) {
        return creator.create(request);
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

    /** Up to {@code limit} (1..{@value #MAX_LIST}) of the inviter's invitations, newest first, without attempts. */
    public List<Invitation> listByInviter(String ownerId, int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIST + ": " + limit);
        }
        return table.dynamo.query(QueryRequest.builder()
                .tableName(table.name)
                .indexName(JobTable.GSI1)
                .keyConditionExpression("#pk = :inviter")
                .expressionAttributeNames(Map.of("#pk", JobTable.GSI1_PK))
                .expressionAttributeValues(Map.of(":inviter", AttributeValue.fromS(InvitationKeys.inviterPartition(ownerId))))
                .scanIndexForward(false)
                .limit(limit)
                .build()).items().stream().map(item -> InvitationItems.toInvitation(item, List.of())).toList();
    }

    public Acceptance accept(String code, String accepterOwnerId) {
        return acceptance.accept(code, accepterOwnerId);
    }

    /**
     * QUEUED → SENDING under the task lease's {@code fencingToken}. Call before handing the SMS to a
     * provider; send only on {@link SendingStart.Started} or (deciding deliberately) {@link SendingStart.PreviouslyStarted}.
     */
    public SendingStart markSending(String invitationId, long fencingToken) {
        return delivery.markSending(invitationId, fencingToken);
    }

    /** Adds an attempt (numbered by the store) without changing the status; the number, or empty if no such invitation. */
    public OptionalInt recordAttempt(String invitationId, DeliveryAttempt attempt) {
        return delivery.recordAttempt(invitationId, attempt);
    }

    /** SENDING under {@code fencingToken} → SENT, with the provider-message item and the attempt, in one transaction. */
    public InvitationUpdate markSent(String invitationId, long fencingToken, String provider, String providerMessageId,
                                     DeliveryAttempt attempt) {
        return delivery.markSent(invitationId, fencingToken, provider, providerMessageId, attempt);
    }

    /** SENDING under {@code fencingToken} → QUEUED after a definite refusal that may be retried. */
    public InvitationUpdate releaseSending(String invitationId, long fencingToken, DeliveryAttempt attempt) {
        return delivery.releaseSending(invitationId, fencingToken, attempt);
    }

    /** QUEUED or SENDING → FAILED, with the attempt that ended it. SENT and later are left alone. */
    public InvitationUpdate markFailed(String invitationId, String reason, DeliveryAttempt attempt) {
        return delivery.markFailed(invitationId, reason, Optional.of(attempt));
    }

    /** QUEUED or SENDING → FAILED without an attempt (e.g. the number could not be decrypted). */
    public InvitationUpdate markFailed(String invitationId, String reason) {
        return delivery.markFailed(invitationId, reason, Optional.empty());
    }

    /** SENT → DELIVERED for the provider's message; Unchanged when already DELIVERED or ACCEPTED. */
    public InvitationUpdate markDelivered(String provider, String providerMessageId) {
        return delivery.markDelivered(provider, providerMessageId);
    }

    /** The invitation a provider's message belongs to (written by {@link #markSent}). */
    public Optional<String> invitationOfMessage(String provider, String providerMessageId) {
        return delivery.invitationOf(provider, providerMessageId);
    }
}
