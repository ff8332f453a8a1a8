package dev.sluice.reaper.queue;

import dev.sluice.core.message.MalformedMessageException;
import dev.sluice.core.message.TaskMessageCodec;
import dev.sluice.reaper.config.ReaperConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Reads the DLQ without consuming it. A scan receives every message once with a short visibility
 * (so repeated receives reach the next ones), then makes them all visible again: the DLQ stays the
 * record of what failed until an operator redrives it or its retention expires.
 */
@ApplicationScoped
public class DeadLetterQueue {
    private static final int BODY_EXCERPT = 200;

    private final SqsClient sqs;
    private final TaskQueue taskQueue;
    private final Duration visibility;
    private final int waitSeconds;

    public DeadLetterQueue(SqsClient sqs, ReaperConfig reaper, TaskQueue taskQueue) {
        this.sqs = sqs;
        this.taskQueue = taskQueue;
        this.visibility = reaper.dlq().visibility();
        this.waitSeconds = (int) Math.min(20, reaper.dlq().receiveWait().toSeconds());
    }

    /**
     * Up to {@code limit} messages, each at most once. They stay hidden until {@link #release} (or the
     * visibility runs out), so the caller can act on them by receipt handle.
     */
    public List<DeadLetter> scan(int limit) {
        Map<String, DeadLetter> seen = new LinkedHashMap<>();
        while (seen.size() < limit) {
            int batch = Math.min(10, limit - seen.size());
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url())
                    .maxNumberOfMessages(batch)
                    .waitTimeSeconds(waitSeconds)
                    .visibilityTimeout(seconds(visibility))
                    .messageSystemAttributeNames(MessageSystemAttributeName.SENT_TIMESTAMP,
                            MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                    .messages();
            int fresh = 0;
            for (Message message : messages) {
                // A scan longer than the visibility sees messages again; they count once.
                if (seen.putIfAbsent(message.messageId(), parse(message)) == null) {
                    fresh++;
                }
            }
            if (fresh == 0) {
                break;
            }
        }
        return new ArrayList<>(seen.values());
    }

    /** Makes scanned messages visible again at once, for the next scan or an operator's tools. */
    public void release(List<? extends DeadLetter> letters) {
        for (int from = 0; from < letters.size(); from += 10) {
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            List<? extends DeadLetter> chunk = letters.subList(from, Math.min(letters.size(), from + 10));
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder()
                        .id(Integer.toString(i)).receiptHandle(chunk.get(i).receiptHandle()).visibilityTimeout(0).build());
            }
            sqs.changeMessageVisibilityBatch(b -> b.queueUrl(url()).entries(entries));
        }
    }

    public void delete(DeadLetter letter) {
        sqs.deleteMessage(b -> b.queueUrl(url()).receiptHandle(letter.receiptHandle()));
    }

    public String url() {
        return taskQueue.deadLetterUrl();
    }

    private static DeadLetter parse(Message message) {
        Optional<Instant> sentAt = Optional.ofNullable(message.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP))
                .flatMap(DeadLetterQueue::epochMillis);
        int receives = Optional.ofNullable(message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                .map(DeadLetterQueue::integer).orElse(0);
        try {
            return new DeadLetter.Task(message.messageId(), message.receiptHandle(), sentAt, receives,
                    TaskMessageCodec.decode(message.body()));
        } catch (MalformedMessageException e) {
            String cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
            return new DeadLetter.Malformed(message.messageId(), message.receiptHandle(), sentAt, receives, cause,
                    excerpt(message.body()));
        }
    }

    private static Optional<Instant> epochMillis(String value) {
        try {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(value)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int integer(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String excerpt(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= BODY_EXCERPT ? body : body.substring(0, BODY_EXCERPT) + "...";
    }

    private static int seconds(Duration d) {
        long s = d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0);
        return (int) Math.max(1, Math.min(43_200, s));
    }
}
