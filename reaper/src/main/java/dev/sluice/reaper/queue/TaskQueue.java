package dev.sluice.reaper.queue;

import dev.sluice.core.message.TaskMessage;
import dev.sluice.core.message.TaskMessageCodec;
import dev.sluice.reaper.config.SluiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** The task queue, for sending fresh messages exactly as the API does (same envelope and attribute). */
@ApplicationScoped
public class TaskQueue {
    /** Lets consumers reject an envelope they do not understand without parsing the body first. */
    public static final String ENVELOPE_VERSION_ATTRIBUTE = "sluice-envelope-version";

    private final SqsClient sqs;
    private final SluiceConfig.Queue config;
    private volatile String url;

    public TaskQueue(SqsClient sqs, SluiceConfig config) {
        this.sqs = sqs;
        this.config = config.queue();
    }

    /** Sends one task's message; any SDK exception means it was not (reliably) sent. */
    public void send(TaskMessage message) {
        sqs.sendMessage(b -> b.queueUrl(url())
                .messageBody(TaskMessageCodec.encode(message))
                .messageAttributes(Map.of(ENVELOPE_VERSION_ATTRIBUTE, MessageAttributeValue.builder()
                        .dataType("Number")
                        .stringValue(Integer.toString(message.version()))
                        .build())));
    }

    public String url() {
        String resolved = url;
        if (resolved == null) {
            resolved = config.url().filter(u -> !u.isBlank())
                    .orElseGet(() -> sqs.getQueueUrl(b -> b.queueName(config.name())).queueUrl());
            url = resolved;
        }
        return resolved;
    }
}
