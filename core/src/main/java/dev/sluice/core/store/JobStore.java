package dev.sluice.core.store;

import static dev.sluice.core.store.TaskAttributes.*;

import dev.sluice.core.job.Job;
import dev.sluice.core.job.NewJob;
import dev.sluice.core.job.Task;
import dev.sluice.core.job.TaskRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Jobs and tasks in DynamoDB. Task state changes under a lease belong to
 * {@link dev.sluice.core.lease.LeaseManager}; this class creates and reads.
 */
public final class JobStore {
    /** How long jobs, tasks and object references are kept when the creator configures nothing else. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(90);

    private final DynamoDbClient dynamo;
    private final String table;
    private final IdempotencyRecords idempotency;
    private final Duration retention;
    private final Clock clock;

    public JobStore(DynamoDbClient dynamo, String table, Duration idempotencyTtl, Clock clock) {
        this(dynamo, table, idempotencyTtl, DEFAULT_RETENTION, clock);
    }

    /** {@code retention}: items of a job expire (DynamoDB TTL) this long after the job was created. */
    public JobStore(DynamoDbClient dynamo, String table, Duration idempotencyTtl, Duration retention, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.idempotency = new IdempotencyRecords(dynamo, table, idempotencyTtl);
        this.retention = retention;
        this.clock = clock;
    }

    /**
     * Persists a job with its single task in one transaction. With an idempotency key the transaction
     * also claims the key, so a replay costs one conditional write and cannot race a read.
     */
    public JobCreation create(NewJob request) {
        PreparedJob prepared = prepare(request);
        try {
            dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(prepared.writes()).build());
        } catch (TransactionCanceledException e) {
            return request.idempotencyKey()
                    .map(key -> resolveKeyClash(request, key, e))
                    .orElseThrow(() -> e);
        }
        return new JobCreation.Created(prepared.job());
    }

    /**
     * The writes that create a job with its single task, exactly as {@link #create} commits them, and the
     * job they create, without writing anything: another store commits them in a transaction of its own
     * (an invitation and its {@code sms.invite} job are created together). With an idempotency key the
     * claim of the key is the first write.
     */
    public PreparedJob prepare(NewJob request) {
        Instant now = clock.instant();
        String jobId = UUID.randomUUID().toString();
        TaskRef taskRef = TaskRef.of(jobId, 0);

        Instant expiresAt = now.plus(retention);
        Map<String, AttributeValue> jobItem = TaskItems.newJobItem(jobId, request, now, expiresAt);
        Map<String, AttributeValue> taskItem = TaskItems.newTaskItem(taskRef, request.type(), request.ownerId(), now, expiresAt);
        List<TransactWriteItem> writes = new ArrayList<>();
        request.idempotencyKey().ifPresent(key -> writes.add(idempotency.claim(request, key, jobId, now)));
        writes.add(put(jobItem));
        writes.add(put(taskItem));
        for (String objectKey : request.objectKeys()) {
            Map<String, AttributeValue> reference = new HashMap<>(JobTable.objectReferenceKey(objectKey, jobId));
            reference.put(ENTITY, Items.s("object-reference"));
            reference.put(CREATED_AT, Items.millis(now));
            reference.put(JobTable.EXPIRES_AT, Items.n(expiresAt.getEpochSecond()));
            writes.add(put(reference));
        }
        // What is written is the job: no need to read it back after the commit.
        return new PreparedJob(TaskItems.toJob(jobItem, List.of(TaskItems.toTask(taskItem))), writes);
    }

    /**
     * Records that the request holding an Idempotency-Key for {@code jobId} has been answered (202 or
     * 503), so retries with the key replay instead of getting 409.
     */
    public void idempotentRequestAnswered(String ownerId, String idempotencyKey, String jobId) {
        idempotency.answered(ownerId, idempotencyKey, jobId);
    }

    /** Reads a job and its tasks with one strongly consistent query of the job's partition. */
    public Optional<Job> find(String jobId) {
        Map<String, AttributeValue> jobItem = null;
        List<Task> tasks = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            var page = dynamo.query(QueryRequest.builder()
                    .tableName(table)
                    .consistentRead(true)
                    .keyConditionExpression("#pk = :pk")
                    .expressionAttributeNames(Map.of("#pk", JobTable.PK))
                    .expressionAttributeValues(Map.of(":pk", Items.s(JobTable.jobPk(jobId))))
                    .exclusiveStartKey(startKey)
                    .build());
            for (Map<String, AttributeValue> item : page.items()) {
                if ("job".equals(Items.string(item, ENTITY).orElse(""))) {
                    jobItem = item;
                } else {
                    tasks.add(TaskItems.toTask(item));
                }
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return jobItem == null ? Optional.empty() : Optional.of(TaskItems.toJob(jobItem, tasks));
    }

    /** Whether any job was created reading this S3 object. */
    public boolean isReferenced(String objectKey) {
        return dynamo.query(QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", JobTable.PK))
                .expressionAttributeValues(Map.of(":pk", Items.s(JobTable.objectReferencePk(objectKey))))
                .limit(1)
                .build()).count() > 0;
    }

    /** Reads one task, strongly consistent. */
    public Optional<Task> findTask(TaskRef ref) {
        var item = dynamo.getItem(GetItemRequest.builder()
                .tableName(table).key(JobTable.taskKey(ref)).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(TaskItems.toTask(item));
    }

    /**
     * Records that a task's message was sent, so tasks persisted but never enqueued can be found. It
     * also restarts the task's "pending since" in the sparse index, so a re-enqueued task leaves the
     * head of the reaper's stuck-PENDING query. A task already picked up is left alone: its index
     * keys now describe its lease.
     */
    public void markEnqueued(TaskRef ref) {
        Instant now = clock.instant();
        try {
            dynamo.updateItem(UpdateItemRequest.builder()
                    .tableName(table)
                    .key(JobTable.taskKey(ref))
                    .updateExpression("SET #enqueuedAt = :now, #gsi2sk = :nowKey")
                    .conditionExpression("attribute_exists(#pk) AND #status = :pending")
                    .expressionAttributeNames(Map.of("#enqueuedAt", ENQUEUED_AT, "#pk", JobTable.PK,
                            "#gsi2sk", ActiveIndex.SK, "#status", STATUS))
                    .expressionAttributeValues(Map.of(":now", Items.millis(now),
                            ":nowKey", Items.s(ActiveIndex.sortKey(now)),
                            ":pending", Items.s(dev.sluice.core.job.JobStatus.PENDING.name())))
                    .build());
        } catch (ConditionalCheckFailedException alreadyPickedUp) {
            // A worker leased it before this write: the message evidently arrived.
        }
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder()
                        .tableName(table)
                        .item(item)
                        .conditionExpression("attribute_not_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", JobTable.PK))
                        .build())
                .build();
    }

    private JobCreation resolveKeyClash(NewJob request, String key, TransactionCanceledException e) {
        CancellationReason claim = e.hasCancellationReasons() ? e.cancellationReasons().get(0) : null;
        if (claim == null || !"ConditionalCheckFailed".equals(claim.code())) {
            if (claim != null && "TransactionConflict".equals(claim.code())) {
                return new JobCreation.InFlight(key);
            }
            throw e;
        }
        Map<String, AttributeValue> existing = claim.hasItem() && !claim.item().isEmpty()
                ? claim.item()
                : dynamo.getItem(GetItemRequest.builder().tableName(table)
                        .key(JobTable.idempotencyKey(request.ownerId(), key)).consistentRead(true).build()).item();
        if (existing == null || existing.isEmpty()) {
            // The record vanished between the write and the read: the other request's transaction is gone too.
            return new JobCreation.InFlight(key);
        }
        return answerFrom(request, key, existing);
    }

    /**
     * What {@link #create} would answer a retry of {@code request}, without writing anything: the
     * replayed job, {@code KeyReused} or {@code InFlight}; empty when the request has no idempotency
     * key or its key is unused (or expired), i.e. when {@code create} would make a new job. Lets a
     * caller that must not create a job now (the owner is at its cap) still answer a retry.
     */
    public Optional<JobCreation> earlierAnswer(NewJob request) {
        if (request.idempotencyKey().isEmpty()) {
            return Optional.empty();
        }
        String key = request.idempotencyKey().get();
        Map<String, AttributeValue> existing = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(JobTable.idempotencyKey(request.ownerId(), key)).consistentRead(true).build()).item();
        if (existing == null || existing.isEmpty()
                || Items.numberOrZero(existing, JobTable.EXPIRES_AT) < clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(answerFrom(request, key, existing));
    }

    private JobCreation answerFrom(NewJob request, String key, Map<String, AttributeValue> existing) {
        IdempotencyRecords.Found found = IdempotencyRecords.judge(existing, request, clock.instant());
        if (found instanceof IdempotencyRecords.Found.DifferentRequest) {
            return new JobCreation.KeyReused(key);
        }
        if (found instanceof IdempotencyRecords.Found.StillInFlight) {
            return new JobCreation.InFlight(key);
        }
        String jobId = ((IdempotencyRecords.Found.SameRequest) found).jobId();
        return find(jobId).<JobCreation>map(JobCreation.Replayed::new).orElseGet(() -> new JobCreation.InFlight(key));
    }
}
