package dev.sluice.api.health;

import dev.sluice.api.config.SluiceConfig;
import dev.sluice.api.queue.TaskQueue;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Ready when the table, the queue and the bucket answer: a pod that cannot persist or queue would
 * only turn submissions into 503s, so it should get no traffic. Not a liveness check: an AWS outage
 * must not make Kubernetes restart every pod.
 */
@Readiness
@ApplicationScoped
public class AwsReadinessCheck implements HealthCheck {
    private final DynamoDbClient dynamo;
    private final S3Client s3;
    private final SqsClient sqs;
    private final TaskQueue queue;
    private final SluiceConfig config;

    public AwsReadinessCheck(DynamoDbClient dynamo, S3Client s3, SqsClient sqs, TaskQueue queue, SluiceConfig config) {
        this.dynamo = dynamo;
        this.s3 = s3;
        this.sqs = sqs;
        this.queue = queue;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("aws").up();
        check(response, "table", () -> dynamo.describeTable(b -> b.tableName(config.table())).table().tableStatusAsString());
        check(response, "queue", () -> {
            sqs.getQueueAttributes(b -> b.queueUrl(queue.addresses().taskQueue()).attributeNames(QueueAttributeName.QUEUE_ARN));
            return "OK";
        });
        check(response, "bucket", () -> {
            s3.headBucket(b -> b.bucket(config.bucket()));
            return "OK";
        });
        return response.build();
    }

    private static void check(HealthCheckResponseBuilder response, String name, Supplier<String> probe) {
        try {
            response.withData(name, probe.get());
        } catch (RuntimeException e) {
            // The exception class is enough to diagnose; messages may carry account IDs or ARNs.
            response.down().withData(name, e.getClass().getSimpleName());
        }
    }
}
