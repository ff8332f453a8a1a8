package dev.sluice.worker.wiring;

import dev.sluice.core.lease.LeaseManager;
import dev.sluice.core.store.JobStore;
import dev.sluice.worker.config.WorkerConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Makes core's plain classes injectable. */
public class CoreBeans {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    LeaseManager leaseManager(DynamoDbClient dynamo, WorkerConfig config, Clock clock) {
        return new LeaseManager(dynamo, config.table(), clock);
    }

    @Produces
    @Singleton
    JobStore jobStore(DynamoDbClient dynamo, WorkerConfig config, Clock clock) {
        // The worker never creates jobs, so the idempotency TTL is irrelevant here.
        return new JobStore(dynamo, config.table(), Duration.ofDays(1), clock);
    }
}
