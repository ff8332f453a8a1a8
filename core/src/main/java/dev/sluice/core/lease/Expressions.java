package dev.sluice.core.lease;

import static dev.sluice.core.store.TaskAttributes.*;

import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.TaskRef;
import dev.sluice.core.store.ActiveIndex;
import dev.sluice.core.store.OwnerActiveTasks;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Shared pieces of the lease protocol's update expressions. DynamoDB rejects placeholders an
 * expression does not use, so each transition names exactly what it needs.
 */
final class Expressions {
    static final int MAX_ERROR_LENGTH = 1_000;

    /** The caller still holds the lease it names. */
    static final String HELD = "#status = :processing AND #leaseOwner = :owner AND #fencingToken = :token";

    /** Index attributes of a PENDING task: since when it waits. */
    static final String INDEX_AS_PENDING = "#gsi2pk = :pendingPartition, #gsi2sk = :nowKey";

    /**
     * Terminal tasks leave both sparse indexes: the reaper's ({@code gsi2}) and the owner's count of
     * unfinished tasks ({@code gsi3}). Every terminal transition uses this, with {@link #unindexing}.
     */
    static final String UNINDEX = "#gsi2pk, #gsi2sk, #gsi3pk, #gsi3sk";

    /**
     * A terminal task made PENDING again (an operator's redrive) counts for its owner again. The
     * owner's partition comes from the task's own permanent copy, so the writer need not know the owner.
     * Transitions to PENDING from PROCESSING need not: an unfinished task never lost these keys.
     */
    static final String REINDEX_OWNER = "#gsi3pk = #activeOwnerKey, #gsi3sk = #taskId";

    private Expressions() {
    }

    static Map<String, String> names(String... placeholders) {
        Map<String, String> names = new HashMap<>();
        for (String placeholder : placeholders) {
            names.put(placeholder, attribute(placeholder));
        }
        return names;
    }

    /** {@link #names} plus the placeholders {@link #UNINDEX} uses. */
    static Map<String, String> unindexing(String... placeholders) {
        Map<String, String> names = names(placeholders);
        names.putAll(names("#gsi2pk", "#gsi2sk", "#gsi3pk", "#gsi3sk"));
        return names;
    }

    /** {@link #names} plus the placeholders {@link #REINDEX_OWNER} uses. */
    static Map<String, String> reindexingOwner(String... placeholders) {
        Map<String, String> names = names(placeholders);
        names.putAll(names("#gsi3pk", "#gsi3sk", "#activeOwnerKey", "#taskId"));
        return names;
    }

    private static String attribute(String placeholder) {
        return switch (placeholder) {
            case "#status" -> STATUS;
            case "#leaseOwner" -> LEASE_OWNER;
            case "#leaseExpiresAt" -> LEASE_EXPIRES_AT;
            case "#fencingToken" -> FENCING_TOKEN;
            case "#attempts" -> ATTEMPTS;
            case "#updatedAt" -> UPDATED_AT;
            case "#startedAt" -> STARTED_AT;
            case "#completedAt" -> COMPLETED_AT;
            case "#lastError" -> LAST_ERROR;
            case "#outputKey" -> OUTPUT_KEY;
            case "#outputContentType" -> OUTPUT_CONTENT_TYPE;
            case "#outputSize" -> OUTPUT_SIZE;
            case "#outputSha256" -> OUTPUT_SHA256;
            case "#shutdownReleases" -> SHUTDOWN_RELEASES;
            case "#modelFailures" -> MODEL_FAILURES;
            case "#dlqRequeues" -> DLQ_REQUEUES;
            case "#gsi2pk" -> ActiveIndex.PK;
            case "#gsi2sk" -> ActiveIndex.SK;
            case "#gsi3pk" -> OwnerActiveTasks.PK;
            case "#gsi3sk" -> OwnerActiveTasks.SK;
            case "#activeOwnerKey" -> ACTIVE_OWNER_KEY;
            case "#taskId" -> TASK_ID;
            case "#pk" -> dev.sluice.core.store.JobTable.PK;
            default -> throw new IllegalArgumentException("unknown placeholder " + placeholder);
        };
    }

    static Map<String, AttributeValue> held(Lease lease) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":processing", status(JobStatus.PROCESSING));
        values.put(":owner", AttributeValue.fromS(lease.owner()));
        values.put(":token", number(lease.fencingToken()));
        return values;
    }

    static Map<String, AttributeValue> pendingIndex(TaskRef ref, Instant now) {
        return Map.of(
                ":pendingPartition", AttributeValue.fromS(ActiveIndex.partition(JobStatus.PENDING, ref)),
                ":nowKey", AttributeValue.fromS(ActiveIndex.sortKey(now)));
    }

    static AttributeValue status(JobStatus status) {
        return AttributeValue.fromS(status.name());
    }

    static AttributeValue millis(Instant instant) {
        return number(instant.toEpochMilli());
    }

    static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue error(String error) {
        String text = error == null || error.isBlank() ? "unknown error" : error;
        return AttributeValue.fromS(text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text);
    }
}
