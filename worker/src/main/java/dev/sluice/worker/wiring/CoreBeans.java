package dev.sluice.worker.wiring;

import dev.sluice.core.erasure.ErasureAudit;
import dev.sluice.core.erasure.OwnerErasure;
import dev.sluice.core.erasure.OwnerObjects;
import dev.sluice.core.lease.LeaseManager;
import dev.sluice.core.lease.LeaseRecovery;
import dev.sluice.core.store.JobStore;
import dev.sluice.core.store.OwnerItems;
import dev.sluice.worker.config.WorkerConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

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

    /** Cancels the jobs an erasure removes, so their workers stop at the next heartbeat. */
    @Produces
    @Singleton
    LeaseRecovery leaseRecovery(DynamoDbClient dynamo, WorkerConfig config, Clock clock) {
        return new LeaseRecovery(dynamo, config.table(), clock);
    }

    @Produces
    @Singleton
    OwnerErasure ownerErasure(DynamoDbClient dynamo, S3Client s3, JobStore jobs, LeaseRecovery recovery,
                              WorkerConfig config, Clock clock) {
        return new OwnerErasure(jobs, new OwnerItems(dynamo, config.table()), recovery,
                new OwnerObjects(s3, config.bucket()),
                new ErasureAudit(dynamo, config.table(), config.retention().erasureAudit(), clock),
                config.erasure().ownerHashPepper());
    }

    @Produces
    @Singleton
    JobStore jobStore(DynamoDbClient dynamo, WorkerConfig config, Clock clock) {
        // The worker never creates jobs, so the idempotency TTL is irrelevant here.
        return new JobStore(dynamo, config.table(), Duration.ofDays(1), clock);
    }
}
