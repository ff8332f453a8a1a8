package dev.sluice.core.invitations;

import static dev.sluice.core.invitations.InvitationKeys.*;

import dev.sluice.core.store.JobTable;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Finds and deletes an inviter's invitation items for erasure, with Queries and key reads only: the
 * invitations through {@code gsi1} ({@code INVITER#}), and from each invitation item the keys of its
 * code, its provider message, its number's marker and the inviter's counter of its day. Items that
 * other invitations may own by now (a marker, a code) are deleted only while they still name this
 * invitation. The invitation item goes last: a crash half-way leaves it to be found again. Every
 * delete asks for the old item, so a repeated call counts nothing twice.
 */
public final class OwnerInvitations {
    private final InvitationTable table;

    public OwnerInvitations(DynamoDbClient dynamo, String table) {
        this.table = new InvitationTable(dynamo, table);
    }

    /** What one call deleted: invitation items, their other records (attempts, code, message, marker, counter), rewards. */
    public record Deleted(long invitations, long records, long referrals) {
    }

    /** Hands the ID of every invitation the owner created up to {@code until} to {@code action}, until {@code stop}. */
    public void eachInvitationId(String ownerId, Instant until, BooleanSupplier stop, Consumer<String> action) {
        String bound = String.format("%013d#~", until.toEpochMilli());
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse page = table.dynamo.query(QueryRequest.builder()
                    .tableName(table.name)
                    .indexName(JobTable.GSI1)
                    .keyConditionExpression("#pk = :inviter AND #sk <= :until")
                    .expressionAttributeNames(Map.of("#pk", JobTable.GSI1_PK, "#sk", JobTable.GSI1_SK))
                    .expressionAttributeValues(Map.of(":inviter", AttributeValue.fromS(InvitationKeys.inviterPartition(ownerId)),
                            ":until", AttributeValue.fromS(bound)))
                    .exclusiveStartKey(startKey)
                    .build());
            for (Map<String, AttributeValue> item : page.items()) {
                if (stop.getAsBoolean()) {
                    return;
                }
                action.accept(InvitationItems.required(item, INVITATION_ID));
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
    }

    public Deleted deleteInvitation(String invitationId) {
        Map<String, AttributeValue> invitation = null;
        long records = 0;
        for (Map<String, AttributeValue> item : table.partition(InvitationKeys.invitationPk(invitationId))) {
            if (InvitationItems.isInvitation(item)) {
                invitation = item;
            } else if (delete(key(item), Optional.empty())) {
                records++;
            }
        }
        if (invitation == null) {
            return new Deleted(0, records, 0);
        }
        Optional<String> self = Optional.of(invitationId);
        records += delete(InvitationKeys.code(InvitationItems.required(invitation, INVITE_CODE)), self) ? 1 : 0;
        records += delete(InvitationKeys.phoneMarker(InvitationItems.required(invitation, PHONE_HASH)), self) ? 1 : 0;
        Optional<String> provider = InvitationItems.string(invitation, PROVIDER);
        Optional<String> message = InvitationItems.string(invitation, PROVIDER_MESSAGE_ID);
        if (provider.isPresent() && message.isPresent()) {
            records += delete(InvitationKeys.providerMessage(provider.get(), message.get()), self) ? 1 : 0;
        }
        // The counter is the inviter's own; counters of days without invitations have expired anyway.
        records += delete(InvitationKeys.inviterCounter(InvitationItems.required(invitation, INVITER_ID),
                InvitationItems.instant(invitation, CREATED_AT).orElseThrow()), Optional.empty()) ? 1 : 0;
        long invitations = delete(key(invitation), Optional.empty()) ? 1 : 0;
        return new Deleted(invitations, records, 0);
    }

    /** Deletes the owner's referral rewards ({@code REFERRAL#{ownerId}}). */
    public Deleted deleteReferrals(String ownerId) {
        long deleted = 0;
        for (Map<String, AttributeValue> item : table.partition(InvitationKeys.referralPk(ownerId))) {
            if (delete(key(item), Optional.empty())) {
                deleted++;
            }
        }
        return new Deleted(0, 0, deleted);
    }

    private boolean delete(Map<String, AttributeValue> key, Optional<String> onlyOfInvitation) {
        DeleteItemRequest.Builder request = DeleteItemRequest.builder().tableName(table.name).key(key)
                .returnValues(ReturnValue.ALL_OLD);
        onlyOfInvitation.ifPresent(id -> request.conditionExpression("#id = :id")
                .expressionAttributeNames(Map.of("#id", INVITATION_ID))
                .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(id))));
        try {
            var response = table.dynamo.deleteItem(request.build());
            return response.hasAttributes() && !response.attributes().isEmpty();
        } catch (ConditionalCheckFailedException goneOrAnotherInvitations) {
            return false;
        }
    }

    private static Map<String, AttributeValue> key(Map<String, AttributeValue> item) {
        return Map.of(JobTable.PK, item.get(JobTable.PK), JobTable.SK, item.get(JobTable.SK));
    }
}
