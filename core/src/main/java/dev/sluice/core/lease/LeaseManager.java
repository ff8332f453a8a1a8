package dev.sluice.core.lease;

import static dev.sluice.core.lease.Expressions.HELD;
import static dev.sluice.core.lease.Expressions.INDEX_AS_PENDING;
import static dev.sluice.core.lease.Expressions.UNINDEX;
import static dev.sluice.core.lease.Expressions.error;
import static dev.sluice.core.lease.Expressions.millis;
import static dev.sluice.core.lease.Expressions.names;
import static dev.sluice.core.lease.Expressions.number;
import static dev.sluice.core.lease.Expressions.status;
import static dev.sluice.core.lease.Expressions.unindexing;

import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.Task;
import dev.sluice.core.job.TaskOutput;
import dev.sluice.core.job.TaskRef;
import dev.sluice.core.store.ActiveIndex;
import dev.sluice.core.store.JobTable;
import dev.sluice.core.store.TaskItems;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The lease protocol as a worker uses it: take a task, keep it, finish it. Each transition is a
 * single conditional {@code UpdateItem}; docs/architecture.md lists every expression.
 * {@link LeaseRecovery} holds the transitions the reaper and operators make.
 *
 * <p>Writes made while holding a lease are guarded by owner and fencing token, not by the clock:
 * a holder whose lease ran out may still commit as long as nobody took the task over, and once
 * somebody did, the larger token refuses every write of the old holder.
 */
public final class LeaseManager {
    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final ConditionalUpdate updates;

    public LeaseManager(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.updates = new ConditionalUpdate(dynamo, table);
    }

    /** PENDING, or PROCESSING with an expired lease, → PROCESSING held by {@code owner}. */
    public LeaseAcquisition acquire(TaskRef ref, String owner, Duration ttl) {
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        var request = UpdateItemRequest.builder()
                .tableName(table)
                .key(JobTable.taskKey(ref))
                .updateExpression("SET #status = :processing, #leaseOwner = :owner, #leaseExpiresAt = :expires,"
                        + " #updatedAt = :now, #startedAt = if_not_exists(#startedAt, :now),"
                        + " #gsi2pk = :processingPartition, #gsi2sk = :expiresKey"
                        + " ADD #fencingToken :one, #attempts :one")
                .conditionExpression("attribute_exists(#pk) AND (#status = :pending"
                        + " OR (#status = :processing AND #leaseExpiresAt < :now))")
                .expressionAttributeNames(names("#pk", "#status", "#leaseOwner", "#leaseExpiresAt", "#updatedAt",
                        "#startedAt", "#gsi2pk", "#gsi2sk", "#fencingToken", "#attempts"))
                .expressionAttributeValues(Map.of(
                        ":processing", status(JobStatus.PROCESSING),
                        ":pending", status(JobStatus.PENDING),
                        ":owner", AttributeValue.fromS(owner),
                        ":expires", millis(expires),
                        ":now", millis(now),
                        ":one", number(1),
                        ":processingPartition", AttributeValue.fromS(ActiveIndex.partition(JobStatus.PROCESSING, ref)),
                        ":expiresKey", AttributeValue.fromS(ActiveIndex.sortKey(expires))))
                .returnValues(ReturnValue.ALL_NEW)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
        try {
            Task task = TaskItems.toTask(dynamo.updateItem(request).attributes());
            Lease lease = new Lease(ref, owner, task.fencingToken(), expires, task.attempts());
            return new LeaseAcquisition.Acquired(lease, task);
        } catch (ConditionalCheckFailedException e) {
            return refusal(ref, e);
        }
    }

    /** Heartbeat: pushes the expiry out, only for the current holder. Empty when the lease is lost. */
    public Optional<Lease> extend(Lease lease, Duration ttl) {
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        Map<String, AttributeValue> values = Expressions.held(lease);
        values.put(":expires", millis(expires));
        values.put(":now", millis(now));
        values.put(":expiresKey", AttributeValue.fromS(ActiveIndex.sortKey(expires)));
        boolean held = updates.apply(JobTable.taskKey(lease.ref()),
                "SET #leaseExpiresAt = :expires, #updatedAt = :now, #gsi2sk = :expiresKey", HELD,
                names("#status", "#leaseOwner", "#fencingToken", "#leaseExpiresAt", "#updatedAt", "#gsi2sk"), values);
        return held ? Optional.of(lease.extendedTo(expires)) : Optional.empty();
    }

    /** PROCESSING → COMPLETED with the output; false when the lease was lost (nothing is written). */
    public boolean complete(Lease lease, TaskOutput output) {
        Map<String, AttributeValue> values = Expressions.held(lease);
        values.put(":completed", status(JobStatus.COMPLETED));
        values.put(":key", AttributeValue.fromS(output.key()));
        values.put(":contentType", AttributeValue.fromS(output.contentType()));
        values.put(":size", number(output.sizeBytes()));
        values.put(":sha256", AttributeValue.fromS(output.sha256()));
        values.put(":now", millis(clock.instant()));
        return updates.apply(JobTable.taskKey(lease.ref()),
                "SET #status = :completed, #outputKey = :key, #outputContentType = :contentType,"
                        + " #outputSize = :size, #outputSha256 = :sha256, #completedAt = :now, #updatedAt = :now"
                        + " REMOVE #leaseOwner, #leaseExpiresAt, #lastError, " + UNINDEX,
                HELD,
                unindexing("#status", "#leaseOwner", "#fencingToken", "#outputKey", "#outputContentType",
                        "#outputSize", "#outputSha256", "#completedAt", "#updatedAt", "#leaseExpiresAt", "#lastError"),
                values);
    }

    /**
     * PROCESSING → PENDING without blaming the task (the model's circuit breaker is open, or the worker
     * hands it back), so a later attempt may take it.
     */
    public boolean release(Lease lease, String error) {
        return releaseToPending(lease, error, "");
    }

    /**
     * PROCESSING → PENDING after the model failed this attempt transiently; the failure is counted, so
     * the reaper can tell a task the model keeps failing from one whose receives went to crashes.
     */
    public boolean releaseAfterModelFailure(Lease lease, String error) {
        return releaseToPending(lease, error, " ADD #modelFailures :one");
    }

    private boolean releaseToPending(Lease lease, String error, String addClause) {
        Instant now = clock.instant();
        Map<String, AttributeValue> values = Expressions.held(lease);
        values.putAll(Expressions.pendingIndex(lease.ref(), now));
        values.put(":pending", status(JobStatus.PENDING));
        values.put(":error", error(error));
        values.put(":now", millis(now));
        Map<String, String> names = names("#status", "#leaseOwner", "#fencingToken", "#lastError", "#updatedAt",
                "#leaseExpiresAt", "#gsi2pk", "#gsi2sk");
        if (!addClause.isEmpty()) {
            values.put(":one", number(1));
            names.putAll(names("#modelFailures"));
        }
        return updates.apply(JobTable.taskKey(lease.ref()),
                "SET #status = :pending, #lastError = :error, #updatedAt = :now, " + INDEX_AS_PENDING
                        + " REMOVE #leaseOwner, #leaseExpiresAt" + addClause,
                HELD, names, values);
    }

    /** PROCESSING → FAILED after a permanent failure. */
    public boolean fail(Lease lease, String error) {
        Map<String, AttributeValue> values = Expressions.held(lease);
        values.put(":failed", status(JobStatus.FAILED));
        values.put(":error", error(error));
        values.put(":now", millis(clock.instant()));
        return updates.apply(JobTable.taskKey(lease.ref()),
                "SET #status = :failed, #lastError = :error, #completedAt = :now, #updatedAt = :now"
                        + " REMOVE #leaseOwner, #leaseExpiresAt, " + UNINDEX,
                HELD,
                unindexing("#status", "#leaseOwner", "#fencingToken", "#lastError", "#completedAt", "#updatedAt",
                        "#leaseExpiresAt"),
                values);
    }

    /**
     * PROCESSING → PENDING because the worker is shutting down. The attempt it took is given back, at
     * most {@code maxShutdownReleases} times per task, so a deploy loop cannot bounce a task forever:
     * past the cap the release counts as an attempt like any other.
     */
    public ShutdownRelease releaseForShutdown(Lease lease, int maxShutdownReleases) {
        Instant now = clock.instant();
        Map<String, AttributeValue> values = Expressions.held(lease);
        values.putAll(Expressions.pendingIndex(lease.ref(), now));
        values.put(":pending", status(JobStatus.PENDING));
        values.put(":now", millis(now));
        values.put(":one", number(1));
        values.put(":minusOne", number(-1));
        values.put(":cap", number(maxShutdownReleases));
        boolean givenBack = updates.apply(JobTable.taskKey(lease.ref()),
                "SET #status = :pending, #updatedAt = :now, " + INDEX_AS_PENDING
                        + " REMOVE #leaseOwner, #leaseExpiresAt ADD #shutdownReleases :one, #attempts :minusOne",
                HELD + " AND (attribute_not_exists(#shutdownReleases) OR #shutdownReleases < :cap)",
                names("#status", "#leaseOwner", "#fencingToken", "#updatedAt", "#leaseExpiresAt",
                        "#shutdownReleases", "#attempts", "#gsi2pk", "#gsi2sk"),
                values);
        if (givenBack) {
            return ShutdownRelease.RELEASED;
        }
        return release(lease, "released at worker shutdown") ? ShutdownRelease.RELEASED_AS_ATTEMPT
                : ShutdownRelease.LOST;
    }

    private LeaseAcquisition refusal(TaskRef ref, ConditionalCheckFailedException e) {
        Map<String, AttributeValue> old = e.hasItem() ? e.item() : Map.of();
        if (old.isEmpty()) {
            // Emulators that do not return the old item: read it, the answer is the same.
            old = dynamo.getItem(b -> b.tableName(table).key(JobTable.taskKey(ref)).consistentRead(true)).item();
        }
        if (old == null || old.isEmpty()) {
            return new LeaseAcquisition.Missing();
        }
        Task task = TaskItems.toTask(old);
        if (task.status().isTerminal()) {
            return new LeaseAcquisition.AlreadyTerminal(task.status());
        }
        return new LeaseAcquisition.HeldElsewhere(
                task.leaseOwner().orElse(""), task.leaseExpiresAt().orElse(clock.instant()));
    }

}
