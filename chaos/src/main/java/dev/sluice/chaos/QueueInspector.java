package dev.sluice.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Looks at the queue and the DLQ through the real ElasticMQ endpoint (never the outage proxy), so what
 * it reports is the server's state, not what a cut-off client can see.
 */
public final class QueueInspector {
    /** Long enough to page through the whole DLQ without seeing a message twice. */
    private static final int PEEK_VISIBILITY_SECONDS = 30;

    private final SqsClient sqs;
    private final String queueUrl;
    private final String dlqUrl;

    public QueueInspector(SqsClient sqs, String queueUrl, String dlqUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.dlqUrl = dlqUrl;
    }

    public QueueCounts queue() {
        return counts(queueUrl);
    }

    public QueueCounts dlq() {
        return counts(dlqUrl);
    }

    /**
     * Reads every DLQ message and makes it visible again at once, so whoever reads the DLQ next (the
     * reaper) finds it as it was. Receiving only raises the DLQ copy's receive count, which nothing
     * reads: the DLQ has no redrive policy of its own.
     */
    public DeadLetters peekDlq() {
        List<String> taskIds = new ArrayList<>();
        int unreadable = 0;
        List<Message> seen = new ArrayList<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(dlqUrl).maxNumberOfMessages(10)
                    .visibilityTimeout(PEEK_VISIBILITY_SECONDS).waitTimeSeconds(0)).messages();
            if (batch.isEmpty()) {
                break;
            }
            seen.addAll(batch);
            for (Message message : batch) {
                String taskId = taskId(message.body());
                if (taskId == null) {
                    unreadable++;
                } else {
                    taskIds.add(taskId);
                }
            }
        }
        for (int i = 0; i < seen.size(); i += 10) {
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (int j = i; j < Math.min(seen.size(), i + 10); j++) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id("m" + j)
                        .receiptHandle(seen.get(j).receiptHandle()).visibilityTimeout(0).build());
            }
            sqs.changeMessageVisibilityBatch(b -> b.queueUrl(dlqUrl).entries(entries));
        }
        return new DeadLetters(taskIds, unreadable);
    }

    private QueueCounts counts(String url) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return new QueueCounts(
                number(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)),
                number(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)),
                number(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)));
    }

    private static long number(String value) {
        return value == null ? 0 : Long.parseLong(value);
    }

    private static String taskId(String body) {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            return node.hasNonNull("taskId") ? node.get("taskId").asText() : null;
        } catch (Exception e) {
            return null;
        }
    }
}
