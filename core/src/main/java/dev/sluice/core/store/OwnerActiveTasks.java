package dev.sluice.core.store;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The sparse index {@code gsi3} over an owner's unfinished (PENDING or PROCESSING) tasks, so the API
 * can cap how much one owner has running with a Query that stops at the cap, never a Scan:
 *
 * <pre>
 * status       gsi3pk                 gsi3sk
 * unfinished   ACTIVE#{ownerId}       {taskId}
 * terminal     (removed)
 * </pre>
 *
 * A task is created with both keys and with {@link #ACTIVE_OWNER_KEY}, a permanent copy of its
 * {@code gsi3pk} value: the lease protocol removes the keys on every terminal transition and, when an
 * operator redrives a FAILED task, restores them from that copy without having to know the owner.
 *
 * <p>Like every GSI the count is eventually consistent: a task created or finished a moment ago may
 * not be counted yet, so concurrent submissions can overshoot the cap a little.
 */
public final class OwnerActiveTasks {
    public static final String NAME = "gsi3";
    public static final String PK = "gsi3pk";
    public static final String SK = "gsi3sk";
    /** The task's {@code gsi3pk} value, kept after the task finishes so a redrive can index it again. */
    public static final String ACTIVE_OWNER_KEY = "activeOwnerKey";

    private final DynamoDbClient dynamo;
    private final String table;

    public OwnerActiveTasks(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public static String partition(String ownerId) {
        return "ACTIVE#" + ownerId;
    }

    /**
     * How many of {@code ownerId}'s tasks are unfinished, counting no further than {@code cap}: the
     * answer is exact below the cap and {@code cap} at or above it, so a busy owner costs one page.
     */
    public int countUpTo(String ownerId, int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be positive: " + cap);
        }
        int count = 0;
        Map<String, AttributeValue> startKey = null;
        do {
            var page = dynamo.query(QueryRequest.builder()
                    .tableName(table)
                    .indexName(NAME)
                    .keyConditionExpression("#pk = :owner")
                    .expressionAttributeNames(Map.of("#pk", PK))
                    .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(partition(ownerId))))
                    .select(Select.COUNT)
                    .limit(cap - count)
                    .exclusiveStartKey(startKey)
                    .build());
            count += page.count();
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null && count < cap);
        return Math.min(count, cap);
    }
}
