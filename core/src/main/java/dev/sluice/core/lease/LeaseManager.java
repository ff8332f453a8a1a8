package dev.sluice.core.lease;

import static dev.sluice.core.store.TaskAttributes.*;

import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.Task;
import dev.sluice.core.job.TaskOutput;
import dev.sluice.core.job.TaskRef;
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
 * The lease protocol: the only code that moves a task between states. Each transition is a single
 * conditional {@code UpdateItem}; docs/architecture.md lists every condition expression below.
 *
 * <p>Writes made while holding a lease are guarded by owner and fencing token, not by the clock:
 * a holder whose lease ran out may still commit as long as nobody took the task over, and once
 * somebody did, the larger token refuses every write of the old holder.
 */
public final class LeaseManager {
    private static final int MAX_ERROR_LENGTH = 1_000;
    private static final String HELD_BY_CALLER =
            "#status = :processing AND #leaseOwner = :owner AND #fencingToken = :token";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public LeaseManager(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /** PENDING, or PROCESSING with an expired lease, → PROCESSING held by {@code owner}. */
    public LeaseAcquisition acquire(TaskRef ref, String owner, Duration ttl) {
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        var request = UpdateItemRequest.builder()
                .tableName(table)
                .key(JobTable.taskKey(ref))
                .updateExpression("SET #status = :processing, #leaseOwner = :owner, #leaseExpiresAt = :expires,"
                        + " #updatedAt = :now, #startedAt = if_not_exists(#startedAt, :now)"
                        + " ADD #fencingToken :one, #attempts :one")
                .conditionExpression("attribute_exists(#pk) AND (#status = :pending"
                        + " OR (#status = :processing AND #leaseExpiresAt < :now))")
                .expressionAttributeNames(names(Map.of(
                        "#pk", JobTable.PK, "#startedAt", STARTED_AT, "#attempts", ATTEMPTS)))
                .expressionAttributeValues(Map.of(
                        ":processing", status(JobStatus.PROCESSING),
                        ":pending", status(JobStatus.PENDING),
                        ":owner", AttributeValue.fromS(owner),
                        ":expires", millis(expires),
                        ":now", millis(now),
                        ":one", AttributeValue.fromN("1")))
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
        boolean held = updateHeld(lease, "SET #leaseExpiresAt = :expires, #updatedAt = :now",
                Map.of(":expires", millis(expires), ":now", millis(now)), Map.of());
        return held ? Optional.of(lease.extendedTo(expires)) : Optional.empty();
    }

    /** PROCESSING → COMPLETED with the output; false when the lease was lost (nothing is written). */
    public boolean complete(Lease lease, TaskOutput output) {
        long now = clock.millis();
        return updateHeld(lease,
                "SET #status = :completed, #outputKey = :key, #outputContentType = :contentType,"
                        + " #outputSize = :size, #outputSha256 = :sha256, #completedAt = :now, #updatedAt = :now"
                        + " REMOVE #leaseOwner, #leaseExpiresAt, #lastError",
                Map.of(":completed", status(JobStatus.COMPLETED),
                        ":key", AttributeValue.fromS(output.key()),
                        ":contentType", AttributeValue.fromS(output.contentType()),
                        ":size", AttributeValue.fromN(Long.toString(output.sizeBytes())),
                        ":sha256", AttributeValue.fromS(output.sha256()),
                        ":now", AttributeValue.fromN(Long.toString(now))),
                Map.of("#outputKey", OUTPUT_KEY, "#outputContentType", OUTPUT_CONTENT_TYPE,
                        "#outputSize", OUTPUT_SIZE, "#outputSha256", OUTPUT_SHA256,
                        "#completedAt", COMPLETED_AT, "#lastError", LAST_ERROR));
    }

    /** PROCESSING → PENDING after a transient failure, so a later attempt may take it. */
    public boolean release(Lease lease, String error) {
        return updateHeld(lease,
                "SET #status = :pending, #lastError = :error, #updatedAt = :now REMOVE #leaseOwner, #leaseExpiresAt",
                Map.of(":pending", status(JobStatus.PENDING), ":error", error(error), ":now", millis(clock.instant())),
                Map.of("#lastError", LAST_ERROR));
    }

    /** PROCESSING → FAILED after a permanent failure. */
    public boolean fail(Lease lease, String error) {
        long now = clock.millis();
        return updateHeld(lease,
                "SET #status = :failed, #lastError = :error, #completedAt = :now, #updatedAt = :now"
                        + " REMOVE #leaseOwner, #leaseExpiresAt",
                Map.of(":failed", status(JobStatus.FAILED), ":error", error(error),
                        ":now", AttributeValue.fromN(Long.toString(now))),
                Map.of("#lastError", LAST_ERROR, "#completedAt", COMPLETED_AT));
    }

    private boolean updateHeld(Lease lease, String update, Map<String, AttributeValue> values,
                               Map<String, String> extraNames) {
        Map<String, AttributeValue> allValues = new HashMap<>(values);
        allValues.put(":processing", status(JobStatus.PROCESSING));
        allValues.put(":owner", AttributeValue.fromS(lease.owner()));
        allValues.put(":token", AttributeValue.fromN(Long.toString(lease.fencingToken())));
        try {
            dynamo.updateItem(UpdateItemRequest.builder()
                    .tableName(table)
                    .key(JobTable.taskKey(lease.ref()))
                    .updateExpression(update)
                    .conditionExpression(HELD_BY_CALLER)
                    .expressionAttributeNames(names(extraNames))
                    .expressionAttributeValues(allValues)
                    .build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
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

    /** Every expression names its attributes through placeholders: status is a reserved word. */
    private static Map<String, String> names(Map<String, String> extra) {
        Map<String, String> names = new HashMap<>(extra);
        names.put("#status", STATUS);
        names.put("#leaseOwner", LEASE_OWNER);
        names.put("#leaseExpiresAt", LEASE_EXPIRES_AT);
        names.put("#fencingToken", FENCING_TOKEN);
        names.put("#updatedAt", UPDATED_AT);
        return names;
    }

    private static AttributeValue status(JobStatus status) {
        return AttributeValue.fromS(status.name());
    }

    private static AttributeValue millis(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.toEpochMilli()));
    }

    private static AttributeValue error(String error) {
        String text = error == null || error.isBlank() ? "unknown error" : error;
        return AttributeValue.fromS(text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text);
    }
}
