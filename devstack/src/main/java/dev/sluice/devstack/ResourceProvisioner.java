package dev.sluice.devstack;

import dev.sluice.core.store.JobTable;
import java.util.Map;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the table, the queue with its DLQ and the bucket, idempotently, with plain SDK calls, so the
 * same code serves tests and the local runner against any AWS-compatible endpoint. Production resources
 * come from Terraform, which mirrors these definitions.
 */
public final class ResourceProvisioner {
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final S3Client s3;
    private final Region region;

    public ResourceProvisioner(DynamoDbClient dynamo, SqsClient sqs, S3Client s3, Region region) {
        this.dynamo = dynamo;
        this.sqs = sqs;
        this.s3 = s3;
        this.region = region;
    }

    public SluiceResources provision(ProvisioningSettings settings) {
        createTable(settings.table());
        String dlqUrl = sqs.createQueue(b -> b.queueName(settings.dlqName())
                .attributes(Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "1209600"))).queueUrl();
        // The DLQ's ARN is read back, never assembled: emulators and partitions format it differently.
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String redrivePolicy = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\""
                + settings.maxReceiveCount() + "\"}";
        String queueUrl = sqs.createQueue(b -> b.queueName(settings.queueName()).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Long.toString(settings.visibilityTimeout().toSeconds()),
                QueueAttributeName.REDRIVE_POLICY, redrivePolicy))).queueUrl();
        createBucket(settings.bucket(), settings.bucketVersioning());
        return new SluiceResources(settings.table(), settings.bucket(), settings.queueName(), queueUrl,
                settings.dlqName(), dlqUrl);
    }

    private void createTable(String table) {
        try {
            dynamo.createTable(JobTable.definition(table));
        } catch (ResourceInUseException alreadyThere) {
            return;
        }
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(table));
        dynamo.updateTimeToLive(b -> b.tableName(table)
                .timeToLiveSpecification(t -> t.attributeName(JobTable.EXPIRES_AT).enabled(true)));
    }

    private void createBucket(String bucket, boolean versioning) {
        try {
            s3.createBucket(b -> {
                b.bucket(bucket);
                if (!Region.US_EAST_1.equals(region)) {
                    b.createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.fromValue(region.id())));
                }
            });
        } catch (BucketAlreadyOwnedByYouException alreadyThere) {
            // fine: provisioning is idempotent
        }
        if (versioning) {
            s3.putBucketVersioning(b -> b.bucket(bucket)
                    .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        }
    }
}
