package dev.sluice.worker.queue;

import dev.sluice.core.queue.QueueAddresses;
import dev.sluice.worker.config.WorkerConfig;
import dev.sluice.worker.config.WorkerConfigCheck;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** The worker's view of the task queue: receive, delete and change visibility. */
@ApplicationScoped
public class TaskQueue {
    /** SQS caps a message's visibility at 12 hours. */
    static final Duration MAX_VISIBILITY = WorkerConfigCheck.SQS_MAX_VISIBILITY;

    private final SqsClient sqs;
    private final QueueAddresses addresses;

    public TaskQueue(SqsClient sqs, WorkerConfig config) {
        this.sqs = sqs;
        this.addresses = new QueueAddresses(sqs, config.queue().url(), config.queue().name(), Optional.empty());
    }

    /** Long-polls for at most {@code max} messages, hidden for {@code visibility} once received. */
    public List<Message> receive(int max, Duration wait, Duration visibility) {
        return sqs.receiveMessage(b -> b.queueUrl(url())
                        .maxNumberOfMessages(Math.min(10, max))
                        .waitTimeSeconds((int) Math.min(20, wait.toSeconds()))
                        .visibilityTimeout(seconds(visibility))
                        .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                                MessageSystemAttributeName.SENT_TIMESTAMP)
                        .messageAttributeNames("All"))
                .messages();
    }

    public void delete(Message message) {
        sqs.deleteMessage(b -> b.queueUrl(url()).receiptHandle(message.receiptHandle()));
    }

    /** Hides the message for {@code visibility} from now on (zero makes it visible at once). */
    public void changeVisibility(Message message, Duration visibility) {
        sqs.changeMessageVisibility(b -> b.queueUrl(url()).receiptHandle(message.receiptHandle())
                .visibilityTimeout(seconds(visibility)));
    }

    private String url() {
        return addresses.taskQueue();
    }

    private static int seconds(Duration visibility) {
        long s = Math.max(0, Math.min(MAX_VISIBILITY.toSeconds(), ceilSeconds(visibility)));
        return (int) s;
    }

    private static long ceilSeconds(Duration d) {
        return d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0);
    }
}
