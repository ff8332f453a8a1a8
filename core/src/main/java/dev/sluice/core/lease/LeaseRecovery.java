package dev.sluice.core.lease;

import static dev.sluice.core.lease.Expressions.INDEX_AS_PENDING;
import static dev.sluice.core.lease.Expressions.REINDEX_OWNER;
import static dev.sluice.core.lease.Expressions.UNINDEX;
import static dev.sluice.core.lease.Expressions.error;
import static dev.sluice.core.lease.Expressions.millis;
import static dev.sluice.core.lease.Expressions.names;
import static dev.sluice.core.lease.Expressions.number;
import static dev.sluice.core.lease.Expressions.reindexingOwner;
import static dev.sluice.core.lease.Expressions.status;
import static dev.sluice.core.lease.Expressions.unindexing;

import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.TaskRef;
import dev.sluice.core.store.JobTable;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The lease protocol as the reaper, operators and the API (cancellation) use it: transitions made
 * by someone who does not hold the lease. Each one names the exact state it expects (including the fencing token where a
 * lease is involved), so it can never undo a newer attempt's work.
 */
public final class LeaseRecovery {
    private static final String NOT_LIVE = "(#status = :pending OR (#status = :processing AND #leaseExpiresAt < :now))";

    private final ConditionalUpdate updates;
    private final Clock clock;

    public LeaseRecovery(DynamoDbClient dynamo, String table, Clock clock) {
        this.updates = new ConditionalUpdate(dynamo, table);
        this.clock = clock;
    }

    /**
     * PROCESSING whose lease expired, still with {@code fencingToken} → PENDING. The reaper calls it
     * only after seeing the same token expired on two passes, so a slow heartbeat is not mistaken for
     * a dead worker; the token condition makes a takeover in between win.
     */
    public boolean reclaimExpired(TaskRef ref, long fencingToken, String reason) {
        Instant now = clock.instant();
        Map<String, AttributeValue> values = reclaimValues(ref, fencingToken, reason, now);
        return updates.apply(JobTable.taskKey(ref), RECLAIM_UPDATE,
                "#status = :processing AND #fencingToken = :token AND #leaseExpiresAt < :now",
                reclaimNames(), values);
    }

    /** PROCESSING held by {@code owner} with {@code fencingToken} → PENDING, when that owner is gone for sure. */
    public boolean reclaimFromGoneOwner(TaskRef ref, String owner, long fencingToken, String reason) {
        Map<String, AttributeValue> values = reclaimValues(ref, fencingToken, reason, clock.instant());
        values.put(":owner", AttributeValue.fromS(owner));
        return updates.apply(JobTable.taskKey(ref), RECLAIM_UPDATE,
                "#status = :processing AND #leaseOwner = :owner AND #fencingToken = :token",
                reclaimNames(), values);
    }

    /** A task whose message reached the DLQ → FAILED, unless it finished or is running under a live lease. */
    public boolean failDeadLettered(TaskRef ref, String reason) {
        Instant now = clock.instant();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pending", status(JobStatus.PENDING));
        values.put(":processing", status(JobStatus.PROCESSING));
        values.put(":failed", status(JobStatus.FAILED));
        values.put(":error", error(reason));
        values.put(":now", millis(now));
        return updates.apply(JobTable.taskKey(ref),
                "SET #status = :failed, #lastError = :error, #completedAt = :now, #updatedAt = :now"
                        + " REMOVE #leaseOwner, #leaseExpiresAt, " + UNINDEX,
                "attribute_exists(#pk) AND " + NOT_LIVE,
                unindexing("#pk", "#status", "#leaseExpiresAt", "#lastError", "#completedAt", "#updatedAt",
                        "#leaseOwner"),
                values);
    }

    /**
     * A task whose message reached the DLQ although the model has not failed it enough to call it
     * hopeless → PENDING, so the reaper can queue it again. At most {@code maxRequeues} times per task:
     * a task that keeps crashing its workers is not requeued forever. Attempts are kept; the message
     * the reaper sends next starts with a fresh receive budget.
     */
    public boolean requeueDeadLettered(TaskRef ref, int maxRequeues) {
        Instant now = clock.instant();
        Map<String, AttributeValue> values = new HashMap<>(Expressions.pendingIndex(ref, now));
        values.put(":pending", status(JobStatus.PENDING));
        values.put(":processing", status(JobStatus.PROCESSING));
        values.put(":now", millis(now));
        values.put(":one", number(1));
        values.put(":cap", number(maxRequeues));
        return updates.apply(JobTable.taskKey(ref),
                "SET #status = :pending, #updatedAt = :now, " + INDEX_AS_PENDING
                        + " REMOVE #leaseOwner, #leaseExpiresAt ADD #dlqRequeues :one",
                "attribute_exists(#pk) AND " + NOT_LIVE
                        + " AND (attribute_not_exists(#dlqRequeues) OR #dlqRequeues < :cap)",
                names("#pk", "#status", "#leaseExpiresAt", "#updatedAt", "#leaseOwner", "#dlqRequeues",
                        "#gsi2pk", "#gsi2sk"),
                values);
    }

    /**
     * An operator's redrive: FAILED, PENDING or abandoned PROCESSING → PENDING with a fresh attempt
     * budget, counted again among its owner's unfinished tasks. Never touches COMPLETED tasks or live
     * leases. The only transition that makes a terminal task unfinished again.
     */
    public boolean resetForRedrive(TaskRef ref) {
        Instant now = clock.instant();
        Map<String, AttributeValue> values = new HashMap<>(Expressions.pendingIndex(ref, now));
        values.put(":pending", status(JobStatus.PENDING));
        values.put(":processing", status(JobStatus.PROCESSING));
        values.put(":failed", status(JobStatus.FAILED));
        values.put(":now", millis(now));
        values.put(":zero", number(0));
        return updates.apply(JobTable.taskKey(ref),
                "SET #status = :pending, #attempts = :zero, #shutdownReleases = :zero, #modelFailures = :zero,"
                        + " #dlqRequeues = :zero, #updatedAt = :now, " + INDEX_AS_PENDING + ", " + REINDEX_OWNER
                        + " REMOVE #leaseOwner, #leaseExpiresAt, #completedAt",
                "attribute_exists(#pk) AND (#status = :failed OR " + NOT_LIVE + ")",
                reindexingOwner("#pk", "#status", "#leaseExpiresAt", "#attempts", "#shutdownReleases",
                        "#modelFailures", "#dlqRequeues", "#updatedAt", "#leaseOwner", "#completedAt", "#gsi2pk",
                        "#gsi2sk"),
                values);
    }

    /**
     * The owner cancels: PENDING or PROCESSING (whoever holds the lease, live or not) → CANCELLED, out
     * of the sparse index. The fencing token is left alone: a holder's next extend or commit is refused
     * because it requires PROCESSING, so the worker stops at its next heartbeat and writes nothing.
     * False when the task is already terminal (or missing): nothing is written.
     */
    public boolean cancel(TaskRef ref) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pending", status(JobStatus.PENDING));
        values.put(":processing", status(JobStatus.PROCESSING));
        values.put(":cancelled", status(JobStatus.CANCELLED));
        values.put(":now", millis(clock.instant()));
        return updates.apply(JobTable.taskKey(ref),
                "SET #status = :cancelled, #completedAt = :now, #updatedAt = :now"
                        + " REMOVE #leaseOwner, #leaseExpiresAt, " + UNINDEX,
                "attribute_exists(#pk) AND #status IN (:pending, :processing)",
                unindexing("#pk", "#status", "#completedAt", "#updatedAt", "#leaseOwner", "#leaseExpiresAt"),
                values);
    }

    private static final String RECLAIM_UPDATE = "SET #status = :pending, #lastError = :error, #updatedAt = :now, "
            + INDEX_AS_PENDING + " REMOVE #leaseOwner, #leaseExpiresAt";

    private static Map<String, String> reclaimNames() {
        return names("#status", "#fencingToken", "#leaseExpiresAt", "#leaseOwner", "#lastError", "#updatedAt",
                "#gsi2pk", "#gsi2sk");
    }

    private static Map<String, AttributeValue> reclaimValues(TaskRef ref, long token, String reason, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>(Expressions.pendingIndex(ref, now));
        values.put(":pending", status(JobStatus.PENDING));
        values.put(":processing", status(JobStatus.PROCESSING));
        values.put(":token", number(token));
        values.put(":error", error(reason));
        values.put(":now", millis(now));
        return values;
    }
}
