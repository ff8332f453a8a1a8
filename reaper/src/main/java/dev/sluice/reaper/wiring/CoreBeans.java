package dev.sluice.reaper.wiring;

import dev.sluice.core.auth.ApiKeys;
import dev.sluice.core.lease.LeaseRecovery;
import dev.sluice.core.lease.NamedLock;
import dev.sluice.core.store.JobStore;
import dev.sluice.core.store.TaskIndex;
import dev.sluice.reaper.config.SluiceConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Makes core's plain classes injectable. {@code @Singleton}: they are final and stateless, so they
 * need no client proxy. Tests replace the {@link Clock} with one they can move.
 */
public class CoreBeans {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    JobStore jobStore(DynamoDbClient dynamo, SluiceConfig config, Clock clock) {
        // The reaper never creates jobs, so the idempotency TTL is irrelevant here.
        return new JobStore(dynamo, config.table(), Duration.ofDays(1), clock);
    }

    @Produces
    @Singleton
    TaskIndex taskIndex(DynamoDbClient dynamo, SluiceConfig config) {
        return new TaskIndex(dynamo, config.table());
    }

    @Produces
    @Singleton
    LeaseRecovery leaseRecovery(DynamoDbClient dynamo, SluiceConfig config, Clock clock) {
        return new LeaseRecovery(dynamo, config.table(), clock);
    }

    @Produces
    @Singleton
    NamedLock namedLock(DynamoDbClient dynamo, SluiceConfig config, Clock clock) {
        return new NamedLock(dynamo, config.table(), clock);
    }

    /** The operators' {@code keys} commands. */
    @Produces
    @Singleton
    ApiKeys apiKeys(DynamoDbClient dynamo, SluiceConfig config, Clock clock) {
        return new ApiKeys(dynamo, config.table(), clock);
    }
}
