package dev.sluice.core.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Where the task queue and its DLQ are. A configured URL wins; otherwise the task queue is looked up
 * by name and the DLQ through the task queue's redrive policy (its ARN is read, never assembled). A
 * lookup is made on first use and a failed one is not remembered, so an app started before its queue
 * existed, or during an SQS outage, recovers by itself.
 */
public final class QueueAddresses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsClient sqs;
    private final Optional<String> taskQueueUrl;
    private final String taskQueueName;
    private final Optional<String> deadLetterQueueUrl;
    private volatile String resolvedTaskQueue;
    private volatile String resolvedDeadLetterQueue;

    public QueueAddresses(SqsClient sqs, Optional<String> taskQueueUrl, String taskQueueName,
                          Optional<String> deadLetterQueueUrl) {
        this.sqs = sqs;
        this.taskQueueUrl = taskQueueUrl.filter(url -> !url.isBlank());
        this.taskQueueName = taskQueueName;
        this.deadLetterQueueUrl = deadLetterQueueUrl.filter(url -> !url.isBlank());
    }

    public String taskQueue() {
        String url = resolvedTaskQueue;
        if (url == null) {
            url = taskQueueUrl.orElseGet(() -> sqs.getQueueUrl(b -> b.queueName(taskQueueName)).queueUrl());
            resolvedTaskQueue = url;
        }
        return url;
    }

    public String deadLetterQueue() {
        String url = resolvedDeadLetterQueue;
        if (url == null) {
            url = deadLetterQueueUrl.orElseGet(this::fromRedrivePolicy);
            resolvedDeadLetterQueue = url;
        }
        return url;
    }

    private String fromRedrivePolicy() {
        String queue = taskQueue();
        String policy = sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                .attributes().get(QueueAttributeName.REDRIVE_POLICY);
        if (policy == null || policy.isBlank()) {
            throw new IllegalStateException("the task queue " + queue
                    + " has no redrive policy; configure the DLQ URL (SLUICE_DLQ_URL)");
        }
        String arn;
        try {
            arn = JSON.readTree(policy).path("deadLetterTargetArn").asText("");
        } catch (Exception e) {
            throw new IllegalStateException("unreadable redrive policy on " + queue + ": " + policy, e);
        }
        // arn:partition:sqs:region:account:name
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || parts[5].isBlank()) {
            throw new IllegalStateException("redrive policy names no DLQ ARN: " + policy);
        }
        return sqs.getQueueUrl(b -> b.queueName(parts[5]).queueOwnerAWSAccountId(parts[4])).queueUrl();
    }
}
