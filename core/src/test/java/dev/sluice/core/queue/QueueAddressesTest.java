package dev.sluice.core.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.job.JobType;
import dev.sluice.core.job.TaskRef;
import dev.sluice.core.message.TaskMessage;
import dev.sluice.core.message.TaskMessageCodec;
import dev.sluice.localaws.LocalAws;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Finding the task queue and its DLQ on a real SQS server, and sending through the one shared envelope. */
class QueueAddressesTest {
    private static SqsClient sqs;
    private static String name;
    private static String queueUrl;
    private static String dlqUrl;

    @BeforeAll
    static void queues() {
        LocalAws aws = LocalAws.shared();
        sqs = SqsClient.builder()
                .endpointOverride(aws.endpoints().sqs())
                .region(Region.of(aws.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        aws.credentials().accessKeyId(), aws.credentials().secretAccessKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        name = "tasks-" + UUID.randomUUID();
        dlqUrl = sqs.createQueue(b -> b.queueName(name + "-dlq")).queueUrl();
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        queueUrl = sqs.createQueue(b -> b.queueName(name).attributes(Map.of(QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"3\"}"))).queueUrl();
    }

    @AfterAll
    static void close() {
        sqs.close();
    }

    @Test
    void theTaskQueueIsFoundByNameAndItsDlqThroughTheRedrivePolicy() {
        QueueAddresses addresses = new QueueAddresses(sqs, Optional.empty(), name, Optional.empty());

        assertThat(addresses.taskQueue()).isEqualTo(queueUrl);
        assertThat(addresses.deadLetterQueue()).isEqualTo(dlqUrl);
    }

    @Test
    void configuredUrlsWinWithoutALookup() {
        QueueAddresses addresses = new QueueAddresses(sqs, Optional.of("http://example/q"), "no-such-queue",
                Optional.of("http://example/dlq"));

        assertThat(addresses.taskQueue()).isEqualTo("http://example/q");
        assertThat(addresses.deadLetterQueue()).isEqualTo("http://example/dlq");
    }

    @Test
    void aQueueWithoutRedrivePolicySaysHowToNameTheDlq() {
        String plain = "plain-" + UUID.randomUUID();
        sqs.createQueue(b -> b.queueName(plain));
        QueueAddresses addresses = new QueueAddresses(sqs, Optional.empty(), plain, Optional.empty());

        assertThatThrownBy(addresses::deadLetterQueue).hasMessageContaining("no redrive policy")
                .hasMessageContaining("SLUICE_DLQ_URL");
    }

    @Test
    void aFailedLookupIsNotRememberedSoTheQueueIsFoundOnceItExists() {
        String later = "later-" + UUID.randomUUID();
        QueueAddresses addresses = new QueueAddresses(sqs, Optional.empty(), later, Optional.empty());
        assertThatThrownBy(addresses::taskQueue).isInstanceOf(RuntimeException.class);

        String created = sqs.createQueue(b -> b.queueName(later)).queueUrl();

        assertThat(addresses.taskQueue()).isEqualTo(created);
    }

    @Test
    void theSenderWritesTheEnvelopeItsVersionAndTheContextAttributes() {
        TaskSender sender = new TaskSender(sqs, new QueueAddresses(sqs, Optional.of(queueUrl), name, Optional.empty()));
        TaskMessage message = TaskMessage.of(TaskRef.of(UUID.randomUUID().toString(), 0), JobType.IMAGE_GENERATION,
                "owner-1", Instant.parse("2026-11-24T10:00:00Z"));
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        sender.send(message, Map.of("traceparent", traceparent));

        Message received = sqs.receiveMessage(b -> b.queueUrl(queueUrl).messageAttributeNames("All").waitTimeSeconds(1))
                .messages().get(0);
        assertThat(TaskMessageCodec.decode(received.body())).isEqualTo(message);
        assertThat(received.messageAttributes().get(TaskSender.ENVELOPE_VERSION_ATTRIBUTE).stringValue()).isEqualTo("1");
        assertThat(received.messageAttributes().get("traceparent").stringValue()).isEqualTo(traceparent);
    }
}
