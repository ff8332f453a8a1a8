package dev.sluice.devstack;

import java.time.Duration;

/**
 * What to create. {@code maxReceiveCount} is the attempt budget per message before SQS moves it to the
 * DLQ; {@code visibilityTimeout} is only the queue default, workers extend it per message.
 */
public record ProvisioningSettings(String table, String bucket, String queueName, String dlqName,
                                   int maxReceiveCount, Duration visibilityTimeout, boolean bucketVersioning) {

    public ProvisioningSettings {
        if (maxReceiveCount < 1 || maxReceiveCount > 1000) {
            throw new IllegalArgumentException("maxReceiveCount must be 1..1000, was " + maxReceiveCount);
        }
    }

    public static ProvisioningSettings defaults() {
        return new ProvisioningSettings("sluice-jobs", "sluice-data", "sluice-tasks", "sluice-tasks-dlq",
                5, Duration.ofSeconds(60), true);
    }

    public ProvisioningSettings withMaxReceiveCount(int count) {
        return new ProvisioningSettings(table, bucket, queueName, dlqName, count, visibilityTimeout, bucketVersioning);
    }

}
