package dev.sluice.core.lease;

import static dev.sluice.core.lease.Expressions.millis;
import static dev.sluice.core.lease.Expressions.names;
import static dev.sluice.core.lease.Expressions.number;

import dev.sluice.core.job.TaskRef;
import dev.sluice.core.store.JobTable;
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

/**
 * A lease on a well-known key ({@code pk = LOCK#{name}}) for singletons such as the reaper: the same
 * owner + expiry + fencing token rules as task leases, without a task's states.
 */
public final class NamedLock {
    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final ConditionalUpdate updates;

    public NamedLock(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.updates = new ConditionalUpdate(dynamo, table);
    }

    public static Map<String, AttributeValue> key(String name) {
        return Map.of(JobTable.PK, AttributeValue.fromS("LOCK#" + name), JobTable.SK, AttributeValue.fromS("LOCK"));
    }

    /** Takes the lock if nobody holds it or the holder's lease expired. */
    public Optional<Lease> acquire(String name, String owner, Duration ttl) {
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        try {
            var attributes = dynamo.updateItem(b -> b.tableName(table).key(key(name))
                    .updateExpression("SET #leaseOwner = :owner, #leaseExpiresAt = :expires, #updatedAt = :now"
                            + " ADD #fencingToken :one")
                    .conditionExpression("attribute_not_exists(#leaseOwner) OR #leaseExpiresAt < :now")
                    .expressionAttributeNames(names("#leaseOwner", "#leaseExpiresAt", "#updatedAt", "#fencingToken"))
                    .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(owner), ":expires", millis(expires),
                            ":now", millis(now), ":one", number(1)))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            long token = Long.parseLong(attributes.get(dev.sluice.core.store.TaskAttributes.FENCING_TOKEN).n());
            return Optional.of(new Lease(new TaskRef("lock", name), owner, token, expires, 1));
        } catch (ConditionalCheckFailedException held) {
            return Optional.empty();
        }
    }

    /** Gives the lock up; false if it had already passed to someone else. */
    public boolean release(Lease lock) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":owner", AttributeValue.fromS(lock.owner()));
        values.put(":token", number(lock.fencingToken()));
        return updates.apply(key(lock.ref().taskId()), "REMOVE #leaseOwner, #leaseExpiresAt",
                "#leaseOwner = :owner AND #fencingToken = :token",
                names("#leaseOwner", "#leaseExpiresAt", "#fencingToken"), values);
    }
}
