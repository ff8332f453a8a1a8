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
    private final InvitationDelivery delivery;
    private final InvitationAcceptance acceptance;

    /**
     * {@code hashKey}: the invitations' HMAC key (phone hashes, accepter hashes); {@code jobs} writes the
     * {@code sms.invite} job with the table's job retention.
     */
    public InvitationStore(DynamoDbClient dynamo, String table, JobStore jobs, PhoneCipher cipher, String hashKey,
                           InviteCodes codes, InvitationPolicy policy, Clock clock) {
        this.table = new InvitationTable(dynamo, table);
        this.creator = new InvitationCreator(this.table, jobs, cipher, new PhoneHasher(hashKey), codes, policy, clock);
        this.delivery = new InvitationDelivery(this.table, clock);
        this.acceptance = new InvitationAcceptance(this.table, this::find, hashKey, policy.expiry().plus(policy.retention()), clock);
    }

    public InvitationCreation create(NewInvitation request) {
        return creator.create(request);
    }

    /** The invitation with its delivery attempts, strongly consistent. */
    public Optional<Invitation> find(String invitationId) {
        return delivery.find(invitationId);
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

    /** The sending side: the transitions the {@code sms.invite} worker makes. */
    public InvitationDelivery delivery() {
        return delivery;
    }

    /** SENT → DELIVERED for the provider's message; Unchanged when already DELIVERED or ACCEPTED. */
    public InvitationUpdate markDelivered(String provider, String providerMessageId) {
        return delivery.markDelivered(provider, providerMessageId);
    }

    /** The invitation a provider's message belongs to (written by {@link InvitationDelivery#markSent}). */
    public Optional<String> invitationOfMessage(String provider, String providerMessageId) {
        return delivery.invitationOfMessage(provider, providerMessageId);
    }
}
