package dev.sluice.api.queue;

import dev.sluice.api.config.SluiceConfig;
import dev.sluice.core.message.TaskMessage;
import dev.sluice.core.message.TaskMessageCodec;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The task queue. Its URL is {@code sluice.queue.url} when set, else looked up once by name; a failed
 * lookup is not remembered, so the API recovers by itself once the queue exists or SQS answers again.
 */
@ApplicationScoped
public class TaskQueue {
    /** Lets consumers reject an envelope they do not understand without parsing the body first. */
    public static final String ENVELOPE_VERSION_ATTRIBUTE = "sluice-envelope-version";

    private final SqsClient sqs;
    private final SluiceConfig.Queue config;
    private volatile String queueUrl;

    public TaskQueue(SqsClient sqs, SluiceConfig config) {
        this.sqs = sqs;
        this.config = config.queue();
        this.queueUrl = this.config.url().filter(url -> !url.isBlank()).orElse(null);
    }

    /** Sends one task's message; any SDK exception means it was not (reliably) sent. */
    public void send(TaskMessage message) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl())
                .messageBody(TaskMessageCodec.encode(message))
                .messageAttributes(Map.of(ENVELOPE_VERSION_ATTRIBUTE, MessageAttributeValue.builder()
                        .dataType("Number")
                        .stringValue(Integer.toString(message.version()))
                        .build())));
    }

    public String queueUrl() {
        String url = queueUrl;
        if (url == null) {
            synchronized (this) {
                if (queueUrl == null) {
                    queueUrl = sqs.getQueueUrl(b -> b.queueName(config.name())).queueUrl();
                }
                url = queueUrl;
            }
        }
        return url;
    }
}
