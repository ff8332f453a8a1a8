package dev.sluice.core.queue;

import dev.sluice.core.message.TaskMessage;
import dev.sluice.core.message.TaskMessageCodec;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Sends task messages the one way every sender (API, reaper, redrive) must: the envelope as the body,
 * its version as a message attribute (consumers can refuse an envelope they do not understand without
 * parsing it), plus context attributes such as the W3C {@code traceparent} of the sending span.
 */
public final class TaskSender {
    public static final String ENVELOPE_VERSION_ATTRIBUTE = "sluice-envelope-version";
    /** SQS allows 10 message attributes; the envelope version takes one. */
    static final int MAX_CONTEXT_ATTRIBUTES = 9;

    private final SqsClient sqs;
    private final QueueAddresses queues;

    public TaskSender(SqsClient sqs, QueueAddresses queues) {
        this.sqs = sqs;
        this.queues = queues;
    }

    /** Sends one task's message; any SDK exception means it was not (reliably) sent. */
    public void send(TaskMessage message, Map<String, String> context) {
        if (context.size() > MAX_CONTEXT_ATTRIBUTES) {
            throw new IllegalArgumentException("at most " + MAX_CONTEXT_ATTRIBUTES + " context attributes");
        }
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        context.forEach((name, value) -> attributes.put(name,
                MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
        attributes.put(ENVELOPE_VERSION_ATTRIBUTE, MessageAttributeValue.builder()
                .dataType("Number")
                .stringValue(Integer.toString(message.version()))
                .build());
        sqs.sendMessage(b -> b.queueUrl(queues.taskQueue())
                .messageBody(TaskMessageCodec.encode(message))
                .messageAttributes(attributes));
    }
}
