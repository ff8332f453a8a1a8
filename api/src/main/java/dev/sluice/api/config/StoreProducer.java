package dev.sluice.api.config;

import dev.sluice.core.auth.ApiKeys;
import dev.sluice.core.lease.LeaseRecovery;
import dev.sluice.core.store.JobStore;
import dev.sluice.core.store.OwnerJobs;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Makes core's plain classes injectable. {@code @Singleton} rather than {@code @ApplicationScoped}:
 * one instance per application either way, and {@link JobStore} is final so it cannot be proxied.
 */
public class StoreProducer {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    JobStore jobStore(DynamoDbClient dynamo, SluiceConfig config, Clock clock) {
        return new JobStore(dynamo, config.table(), config.api().idempotencyTtl(), config.retention().jobs(), clock);
    }

    @Produces
    @Singleton
    OwnerJobs ownerJobs(DynamoDbClient dynamo, SluiceConfig config) {
        return new OwnerJobs(dynamo, config.table());
    }

    /** API keys: the authentication filter reads them (through its cache). */
    @Produces
    @Singleton
    ApiKeys apiKeys(DynamoDbClient dynamo, SluiceConfig config, Clock clock) {
        return new ApiKeys(dynamo, config.table(), clock);
    }

    /** The API's only lease transition: cancelling a job's tasks. */
    @Produces
    @Singleton
    LeaseRecovery leaseRecovery(DynamoDbClient dynamo, SluiceConfig config, Clock clock) {
        return new LeaseRecovery(dynamo, config.table(), clock);
    }
}
