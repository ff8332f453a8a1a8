package dev.sluice.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.job.Job;
import dev.sluice.core.message.TaskMessage;
import dev.sluice.core.message.TaskMessageCodec;
import dev.sluice.core.store.JobStore;
import dev.sluice.devstack.DevStack;
import dev.sluice.devstack.SluiceResources;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The real state behind the API under test, read with the stack's own SDK clients: tests assert on
 * what is in DynamoDB, SQS and S3, not on what the API says about it.
 */
public final class LocalState {
    public static final String OWNER = "local";

    private LocalState() {
    }

    public static SluiceResources resources() {
        return DevStack.shared().resources();
    }

    public static SqsClient sqs() {
        return DevStack.shared().clients().sqs();
    }

    public static DynamoDbClient dynamo() {
        return DevStack.shared().clients().dynamo();
    }

    public static S3Client s3() {
        return DevStack.shared().clients().s3();
    }

    public static JobStore store() {
        return new JobStore(dynamo(), resources().table(), Duration.ofHours(1), Clock.systemUTC());
    }

    public static Optional<Job> job(String jobId) {
        return store().find(jobId);
    }

    /** Empties the task queue, messages in flight included, so a test sees only its own messages. */
    public static void purgeQueue() {
        sqs().purgeQueue(b -> b.queueUrl(resources().queueUrl()));
        assertThat(queuedMessages()).isZero();
    }

    /** Visible, in-flight and delayed messages on the task queue. */
    public static int queuedMessages() {
        Map<QueueAttributeName, String> attributes = sqs().getQueueAttributes(b -> b.queueUrl(resources().queueUrl())
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return attributes.values().stream().mapToInt(Integer::parseInt).sum();
    }

    /** Receives and deletes everything on the queue (one short long-poll). */
    public static List<Message> drainQueue() {
        List<Message> messages = sqs().receiveMessage(b -> b.queueUrl(resources().queueUrl())
                .maxNumberOfMessages(10)
                .waitTimeSeconds(1)
                .messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        messages.forEach(m -> sqs().deleteMessage(b -> b.queueUrl(resources().queueUrl()).receiptHandle(m.receiptHandle())));
        return messages;
    }

    /** The one message a submission must have sent, decoded; fails on none or several. */
    public static TaskMessage singleMessage() {
        List<Message> messages = drainQueue();
        assertThat(messages).hasSize(1);
        Message message = messages.get(0);
        assertThat(message.messageAttributes()).containsKey("sluice-envelope-version");
        assertThat(message.messageAttributes().get("sluice-envelope-version").stringValue()).isEqualTo("1");
        assertThat(queuedMessages()).isZero();
        return TaskMessageCodec.decode(message.body());
    }

    /**
     * Every item in the table that records state: jobs, tasks, idempotency records and API keys. Rate
     * windows are left out: every authenticated request may open one, whatever it asked for.
     */
    public static int tableItems() {
        TestKeys.defaultKey(); // created before any count, so it never shows up as a difference
        int count = 0;
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> start = null;
        do {
            var finalStart = start;
            var page = dynamo().scan(b -> b.tableName(resources().table()).select(Select.COUNT)
                    .filterExpression("NOT begins_with(#pk, :rate)")
                    .expressionAttributeNames(Map.of("#pk", "pk"))
                    .expressionAttributeValues(Map.of(":rate",
                            software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("RATE#")))
                    .consistentRead(true).exclusiveStartKey(finalStart));
            count += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    public static void putObject(String key, byte[] bytes, String contentType) {
        s3().putObject(b -> b.bucket(resources().bucket()).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
    }
}
