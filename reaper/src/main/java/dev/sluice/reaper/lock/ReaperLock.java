package dev.sluice.reaper.lock;

import static dev.sluice.core.store.TaskAttributes.LEASE_EXPIRES_AT;
import static dev.sluice.core.store.TaskAttributes.LEASE_OWNER;

import dev.sluice.core.lease.Lease;
import dev.sluice.core.lease.NamedLock;
import dev.sluice.core.reaper.ReaperRecords;
import dev.sluice.reaper.config.ReaperConfig;
import dev.sluice.reaper.config.SluiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The singleton lock ({@code pk = LOCK#reaper}) taken through core's {@link NamedLock}: the same owner,
 * expiry and fencing-token rules as task leases. The reaper run and {@code dlq redrive} both take it,
 * so a redrive can never race the run's dead-letter step.
 */
@ApplicationScoped
public class ReaperLock {
    public static final String NAME = ReaperRecords.REAPER_LOCK;

    private final NamedLock locks;
    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration ttl;
    private final Clock clock;

    public ReaperLock(NamedLock locks, DynamoDbClient dynamo, SluiceConfig sluice, ReaperConfig reaper, Clock clock) {
        this.locks = locks;
        this.dynamo = dynamo;
        this.table = sluice.table();
        this.ttl = reaper.lock().ttl();
        this.clock = clock;
    }

    public LockAttempt acquire(String owner) {
        Optional<Lease> lease = locks.acquire(NAME, owner, ttl);
        if (lease.isPresent()) {
            return new LockAttempt.Held(lease.get());
        }
        return new LockAttempt.HeldElsewhere(holder());
    }

    /** Retries until the lock is free or {@code wait} has passed; for operators' commands. */
    public LockAttempt acquire(String owner, Duration wait, Duration pollEvery) throws InterruptedException {
        Instant deadline = clock.instant().plus(wait);
        LockAttempt attempt = acquire(owner);
        while (attempt instanceof LockAttempt.HeldElsewhere && clock.instant().isBefore(deadline)) {
            Thread.sleep(pollEvery.toMillis());
            attempt = acquire(owner);
        }
        return attempt;
    }

    public boolean release(Lease lease) {
        return locks.release(lease);
    }

    /**
     * Whether the lock is still ours with room to act: a run stops a little before its lease runs out,
     * so a next run that takes the expired lock never overlaps it.
     */
    public boolean stillValid(Lease lease) {
        Duration margin = ttl.dividedBy(10);
        return clock.instant().isBefore(lease.expiresAt().minus(margin));
    }

    public Map<String, AttributeValue> key() {
        return NamedLock.key(NAME);
    }

    public String table() {
        return table;
    }

    private LockHolder holder() {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key()).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return new LockHolder(Optional.empty(), Optional.empty());
        }
        Optional<String> owner = Optional.ofNullable(item.get(LEASE_OWNER)).map(AttributeValue::s);
        Optional<Instant> until = Optional.ofNullable(item.get(LEASE_EXPIRES_AT)).map(AttributeValue::n)
                .map(n -> Instant.ofEpochMilli(Long.parseLong(n)));
        return new LockHolder(owner, until);
    }
}
