package dev.sluice.core.store;

import static dev.sluice.core.store.TaskAttributes.*;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Finds and deletes an owner's items for erasure, with Queries only: jobs through {@code gsi1}, their
 * tasks in the job's partition, the idempotency record through the key the job item keeps, object
 * references by S3 key. Every delete asks for the old item, so only what this call removed is
 * counted and a repeated call counts nothing twice.
 */
public final class OwnerItems {
    private final DynamoDbClient dynamo;
    private final String table;

    public OwnerItems(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The same table's invitation items, for erasure (invitations live next to the jobs). */
    public dev.sluice.core.invitations.OwnerInvitations invitations() {
        return new dev.sluice.core.invitations.OwnerInvitations(dynamo, table);
    }

    /** What one call deleted. */
    public record Deleted(long jobs, long tasks, long idempotencyRecords, long objectReferences) {
    }

    /**
     * Hands the ID of every job the owner created up to {@code until} (inclusive, by the millisecond) to
     * {@code action}, page by page, until {@code stop} says so. {@code action} may delete the job:
     * paging goes on from the index position, which need not exist.
     */
    public void eachJobId(String ownerId, Instant until, BooleanSupplier stop, Consumer<String> action) {
        // '~' sorts after every character of a job ID: the bound takes in the whole millisecond.
        String bound = String.format("%013d#~", until.toEpochMilli());
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse page = dynamo.query(QueryRequest.builder()
                    .tableName(table)
                    .indexName(JobTable.GSI1)
                    .keyConditionExpression("#pk = :owner AND #sk <= :until")
                    .expressionAttributeNames(Map.of("#pk", JobTable.GSI1_PK, "#sk", JobTable.GSI1_SK))
                    .expressionAttributeValues(Map.of(":owner", Items.s(JobTable.ownerPk(ownerId)),
                            ":until", Items.s(bound)))
                    .exclusiveStartKey(startKey)
                    .build());
            for (Map<String, AttributeValue> item : page.items()) {
                if (stop.getAsBoolean()) {
                    return;
                }
                action.accept(Items.requiredString(item, JOB_ID));
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
    }

    /**
     * Deletes a job's tasks, then its idempotency record (only while it still names this job: after its
     * TTL the key may have been claimed by a newer job), then the job item. The job item goes last
     * because it is what {@link #eachJobId} finds: a crash half-way leaves it to be found again.
     */
    public Deleted deleteJob(String jobId) {
        Map<String, AttributeValue> jobItem = null;
        long tasks = 0;
        for (Map<String, AttributeValue> item : partition(JobTable.PK, JobTable.jobPk(jobId))) {
            if ("job".equals(Items.string(item, ENTITY).orElse(""))) {
                jobItem = item;
            } else if (delete(key(item))) {
                tasks++;
            }
        }
        if (jobItem == null) {
            return new Deleted(0, tasks, 0, 0);
        }
        Optional<String> idempotencyKey = Items.string(jobItem, IDEMPOTENCY_KEY);
        long idempotency = idempotencyKey.isPresent()
                && deleteIdempotency(Items.requiredString(jobItem, OWNER_ID), idempotencyKey.get(), jobId) ? 1 : 0;
        long jobs = delete(key(jobItem)) ? 1 : 0;
        return new Deleted(jobs, tasks, idempotency, 0);
    }

    /** Deletes every record of a job reading this S3 object. */
    public Deleted deleteObjectReferences(String objectKey) {
        long deleted = 0;
        for (Map<String, AttributeValue> item : partition(JobTable.PK, JobTable.objectReferencePk(objectKey))) {
            if (delete(key(item))) {
                deleted++;
            }
        }
        return new Deleted(0, 0, 0, deleted);
    }

    private boolean deleteIdempotency(String ownerId, String key, String jobId) {
        try {
            return deleted(dynamo.deleteItem(DeleteItemRequest.builder()
                    .tableName(table)
                    .key(JobTable.idempotencyKey(ownerId, key))
                    .conditionExpression("#jobId = :jobId")
                    .expressionAttributeNames(Map.of("#jobId", JOB_ID))
                    .expressionAttributeValues(Map.of(":jobId", Items.s(jobId)))
                    .returnValues(ReturnValue.ALL_OLD)
                    .build()));
        } catch (ConditionalCheckFailedException goneOrNotThisJob) {
            return false;
        }
    }

    private boolean delete(Map<String, AttributeValue> key) {
        return deleted(dynamo.deleteItem(DeleteItemRequest.builder()
                .tableName(table).key(key).returnValues(ReturnValue.ALL_OLD).build()));
    }

    /** The old item comes back only when there was one: that is what tells a delete from a no-op. */
    private static boolean deleted(DeleteItemResponse response) {
        return response.hasAttributes() && !response.attributes().isEmpty();
    }

    private List<Map<String, AttributeValue>> partition(String name, String value) {
        return dynamo.queryPaginator(QueryRequest.builder()
                .tableName(table)
                .consistentRead(true)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", name))
                .expressionAttributeValues(Map.of(":pk", Items.s(value)))
                .build()).items().stream().toList();
    }

    private static Map<String, AttributeValue> key(Map<String, AttributeValue> item) {
        return Map.of(JobTable.PK, item.get(JobTable.PK), JobTable.SK, item.get(JobTable.SK));
    }
}
