package dev.sluice.core.store;

import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.Task;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Finds unfinished tasks through the sparse {@link ActiveIndex}: Queries per shard, never a Scan. */
public final class TaskIndex {
    private final DynamoDbClient dynamo;
    private final String table;

    public TaskIndex(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** PROCESSING tasks whose lease expired before {@code now} (as last indexed). */
    public List<Task> expiredLeases(Instant now, int limit) {
        return before(JobStatus.PROCESSING, now, limit);
    }

    /** PENDING tasks unchanged since before {@code cutoff}: their message may be lost. */
    public List<Task> pendingSince(Instant cutoff, int limit) {
        return before(JobStatus.PENDING, cutoff, limit);
    }

    /** Every PROCESSING task, whatever its expiry: to check their owners are alive. */
    public List<Task> processing(int limit) {
        return before(JobStatus.PROCESSING, Instant.ofEpochMilli(9_999_999_999_999L), limit);
    }

    /**
     * Since when the longest-waiting PENDING task has waited (its last change to PENDING), or empty
     * when none waits: one single-item query per shard, so it is cheap enough to run every few seconds.
     */
    public Optional<Instant> oldestPendingSince() {
        Optional<Instant> oldest = Optional.empty();
        for (int shard = 0; shard < ActiveIndex.SHARDS; shard++) {
            var page = dynamo.query(QueryRequest.builder()
                    .tableName(table)
                    .indexName(ActiveIndex.NAME)
                    .keyConditionExpression("#pk = :partition")
                    .expressionAttributeNames(Map.of("#pk", ActiveIndex.PK))
                    .expressionAttributeValues(Map.of(
                            ":partition", AttributeValue.fromS(ActiveIndex.partition(JobStatus.PENDING, shard))))
                    .scanIndexForward(true)
                    .limit(1)
                    .build());
            for (Map<String, AttributeValue> item : page.items()) {
                Instant since = ActiveIndex.instantOf(item.get(ActiveIndex.SK).s());
                if (oldest.isEmpty() || since.isBefore(oldest.get())) {
                    oldest = Optional.of(since);
                }
            }
        }
        return oldest;
    }

    private List<Task> before(JobStatus status, Instant bound, int limit) {
        List<Task> found = new ArrayList<>();
        for (int shard = 0; shard < ActiveIndex.SHARDS && found.size() < limit; shard++) {
            Map<String, AttributeValue> startKey = null;
            do {
                var page = dynamo.query(QueryRequest.builder()
                        .tableName(table)
                        .indexName(ActiveIndex.NAME)
                        .keyConditionExpression("#pk = :partition AND #sk < :bound")
                        .expressionAttributeNames(Map.of("#pk", ActiveIndex.PK, "#sk", ActiveIndex.SK))
                        .expressionAttributeValues(Map.of(
                                ":partition", AttributeValue.fromS(ActiveIndex.partition(status, shard)),
                                ":bound", AttributeValue.fromS(ActiveIndex.sortKey(bound))))
                        .limit(Math.min(100, limit - found.size()))
                        .exclusiveStartKey(startKey)
                        .build());
                page.items().forEach(item -> found.add(TaskItems.toTask(item)));
                startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (startKey != null && found.size() < limit);
        }
        return found;
    }
}
