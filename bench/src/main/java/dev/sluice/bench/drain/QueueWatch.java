package dev.sluice.bench.drain;

import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Times a drain from outside the consumers, the same way for every kind of consumer: the queue's
 * counts (exact in ElasticMQ) are read every {@link #POLL}. The drain starts at the first reading in
 * which any of the batch's messages has been received, and ends at the first in which no message is
 * left, visible or in flight: a consumer deletes a message only when it is done with its task.
 */
public final class QueueWatch {
    static final Duration POLL = Duration.ofMillis(20);

    private final SqsClient sqs;
    private final String queueUrl;

    public QueueWatch(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /** Messages in the queue: visible, received and not yet deleted, and delayed. */
    public record Counts(long visible, long inFlight, long delayed) {
        public long total() {
            return visible + inFlight + delayed;
        }
    }

    /** A drain's two instants, {@link System#nanoTime()} of the readings that saw them. */
    public record Drain(long firstReceiveNanos, long drainedNanos) {
        public double seconds() {
            return (drainedNanos - firstReceiveNanos) / 1e9;
        }
    }

    public Counts counts() {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return new Counts(number(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
                number(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
                number(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
    }

    /**
     * Waits for {@code batch} messages, all sent and none received yet when this is called, to be
     * received and deleted; fails after {@code timeout} with the counts it last saw.
     */
    public Drain awaitDrain(int batch, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long firstReceive = 0;
        while (true) {
            Counts counts = counts();
            long now = System.nanoTime();
            if (firstReceive == 0 && (counts.inFlight() > 0 || counts.visible() < batch)) {
                firstReceive = now;
            }
            if (firstReceive != 0 && counts.total() == 0) {
                return new Drain(firstReceive, now);
            }
            if (now > deadline) {
                throw new IllegalStateException("queue not drained after " + timeout + ": " + counts);
            }
            sleep(POLL);
        }
    }

    private static long number(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
        return Long.parseLong(attributes.getOrDefault(name, "0"));
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
