package dev.sluice.core.invitations;

import dev.sluice.core.store.JobTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** The job table as the invitation classes use it: consistent reads and transactions that say which condition failed. */
final class InvitationTable {
    static final String CONDITION_FAILED = "ConditionalCheckFailed";
    static final String CONFLICT = "TransactionConflict";

    final DynamoDbClient dynamo;
    final String name;

    InvitationTable(DynamoDbClient dynamo, String name) {
        this.dynamo = dynamo;
        this.name = name;
    }

    /** Which writes of a cancelled transaction failed, by position, and why. */
    record Cancelled(List<String> codes) {
        boolean conditionFailed(int index) {
            return index < codes.size() && CONDITION_FAILED.equals(codes.get(index));
        }

        boolean conflict() {
            return codes.contains(CONFLICT);
        }
    }

    /** Empty when committed; otherwise the cancellation codes (a transaction without reasons is rethrown). */
    Optional<Cancelled> transact(List<TransactWriteItem> writes) {
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
            return Optional.empty();
        } catch (TransactionCanceledException e) {
            if (!e.hasCancellationReasons()) {
                throw e;
            }
            List<String> codes = new ArrayList<>();
            for (CancellationReason reason : e.cancellationReasons()) {
                codes.add(reason.code() == null ? "None" : reason.code());
            }
            return Optional.of(new Cancelled(codes));
        }
    }

    Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
        var item = dynamo.getItem(b -> b.tableName(name).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    List<Map<String, AttributeValue>> partition(String pk) {
        return dynamo.queryPaginator(QueryRequest.builder()
                .tableName(name)
                .consistentRead(true)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", JobTable.PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))
                .build()).items().stream().toList();
    }

    TransactWriteItem putNew(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(name).item(item)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", JobTable.PK)).build()).build();
    }

    TransactWriteItem put(Map<String, AttributeValue> item, String condition, Map<String, String> names,
                          Map<String, AttributeValue> values) {
        return TransactWriteItem.builder().put(Put.builder().tableName(name).item(item)
                .conditionExpression(condition).expressionAttributeNames(names)
                .expressionAttributeValues(values.isEmpty() ? null : values).build()).build();
    }

    TransactWriteItem update(Map<String, AttributeValue> key, String expression, String condition,
                             Map<String, String> names, Map<String, AttributeValue> values) {
        return TransactWriteItem.builder().update(Update.builder().tableName(name).key(key)
                .updateExpression(expression).conditionExpression(condition)
                .expressionAttributeNames(names).expressionAttributeValues(values).build()).build();
    }
}
