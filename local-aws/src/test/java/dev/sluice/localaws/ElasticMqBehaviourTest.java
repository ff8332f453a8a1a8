package dev.sluice.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Work queues: failed deliveries are redriven to a DLQ, and idle workers long poll. */
class ElasticMqBehaviourTest {

    private static SqsClient sqs;

    @BeforeAll
    static void connect() {
        sqs = AwsClients.sqs(LocalAws.shared());
    }

    @AfterAll
    static void disconnect() {
        sqs.close();
    }

    @Test
    void messageReceivedTwiceWithoutDeleteMovesToDeadLetterQueue() {
        String dlqUrl = sqs.createQueue(b -> b.queueName(AwsClients.uniqueName("work-dlq"))).queueUrl();
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        assertThat(dlqArn).startsWith("arn:aws:sqs:" + LocalAws.REGION + ":");
        String queueUrl = sqs.createQueue(b -> b.queueName(AwsClients.uniqueName("work"))
                .attributes(Map.of(QueueAttributeName.REDRIVE_POLICY,
                        "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"2\"}"))).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("job-1"));

        for (int receive = 1; receive <= 2; receive++) {
            List<Message> messages = receive(queueUrl, 1);
            assertThat(messages).extracting(Message::body).containsExactly("job-1");
            // A crashed worker: no delete, and the message is visible again at once.
            sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl)
                    .receiptHandle(messages.get(0).receiptHandle()).visibilityTimeout(0));
        }

        assertThat(receive(queueUrl, 1)).isEmpty();
        assertThat(receive(dlqUrl, 1)).extracting(Message::body).containsExactly("job-1");
    }

    @Test
    void longPollReturnsPromptlyWhenMessageArrives() throws Exception {
        String queueUrl = sqs.createQueue(b -> b.queueName(AwsClients.uniqueName("long-poll"))).queueUrl();
        long start = System.nanoTime();
        CompletableFuture<List<Message>> polling = CompletableFuture.supplyAsync(() -> receive(queueUrl, 20));

        Thread.sleep(500);
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("wake-up"));

        assertThat(polling.get()).extracting(Message::body).containsExactly("wake-up");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    private static List<Message> receive(String queueUrl, int waitSeconds) {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(1).waitTimeSeconds(waitSeconds))
                .messages();
    }
}
