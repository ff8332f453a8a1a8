package dev.sluice.reaper.leases;

import dev.sluice.core.job.TaskRef;
import dev.sluice.core.lease.Lease;
import dev.sluice.core.store.TaskAttributes;
import dev.sluice.reaper.lock.ReaperLock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The previous pass's expired-lease sightings, kept as one map attribute on the reaper's lock item
 * ({@code pk = LOCK#reaper}): {@code expiredLeaseSightings = {taskId: {jobId, token, seenAt}}}.
 *
 * <p>On the lock item because writing it is then fenced like any lease write: the update is
 * conditional on this run's owner and fencing token, so a run that lost its lock can never overwrite
 * a newer run's observations. The map is bounded by the per-run limit (500 × ~100 bytes, far below
 * DynamoDB's 400 KB item limit) and the lock code never touches the attribute.
 */
@ApplicationScoped
public class SightingStore {
    static final String ATTRIBUTE = "expiredLeaseSightings";

    private final DynamoDbClient dynamo;
    private final ReaperLock lock;

    public SightingStore(DynamoDbClient dynamo, ReaperLock lock) {
        this.dynamo = dynamo;
        this.lock = lock;
    }

    /** Sightings by task ID, as the last pass left them. */
    public Map<String, Sighting> load() {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(lock.table()).key(lock.key())
                .consistentRead(true).projectionExpression("#s").expressionAttributeNames(Map.of("#s", ATTRIBUTE))).item();
        Map<String, Sighting> sightings = new LinkedHashMap<>();
        if (item == null || !item.containsKey(ATTRIBUTE) || !item.get(ATTRIBUTE).hasM()) {
            return sightings;
        }
        item.get(ATTRIBUTE).m().forEach((taskId, value) -> {
            Map<String, AttributeValue> fields = value.m();
            sightings.put(taskId, new Sighting(new TaskRef(fields.get("jobId").s(), taskId),
                    Long.parseLong(fields.get("token").n()), Instant.ofEpochMilli(Long.parseLong(fields.get("seenAt").n()))));
        });
        return sightings;
    }

    /** Replaces the sightings; throws {@link LockLostException} if {@code holder} no longer holds the lock. */
    public void save(Lease holder, Map<String, Sighting> sightings) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":owner", AttributeValue.fromS(holder.owner()));
        values.put(":token", AttributeValue.fromN(Long.toString(holder.fencingToken())));
        String update;
        if (sightings.isEmpty()) {
            update = "REMOVE #s";
        } else {
            update = "SET #s = :sightings";
            Map<String, AttributeValue> map = new HashMap<>();
            sightings.forEach((taskId, s) -> map.put(taskId, AttributeValue.fromM(Map.of(
                    "jobId", AttributeValue.fromS(s.ref().jobId()),
                    "token", AttributeValue.fromN(Long.toString(s.fencingToken())),
                    "seenAt", AttributeValue.fromN(Long.toString(s.firstSeenAt().toEpochMilli()))))));
            values.put(":sightings", AttributeValue.fromM(map));
        }
        try {
            dynamo.updateItem(b -> b.tableName(lock.table()).key(lock.key())
                    .updateExpression(update)
                    .conditionExpression("#owner = :owner AND #token = :token")
                    .expressionAttributeNames(Map.of("#s", ATTRIBUTE, "#owner", TaskAttributes.LEASE_OWNER,
                            "#token", TaskAttributes.FENCING_TOKEN))
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            throw new LockLostException();
        }
    }
}
