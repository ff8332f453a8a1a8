package dev.sluice.reaper.queue;

import dev.sluice.core.message.TaskMessage;
import dev.sluice.core.queue.QueueAddresses;
import dev.sluice.core.queue.TaskSender;
import dev.sluice.reaper.config.SluiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The task queue and its DLQ, and fresh messages sent through the same envelope as the API's. */
@ApplicationScoped
public class TaskQueue {
    private final QueueAddresses addresses;
    private final TaskSender sender;

    public TaskQueue(SqsClient sqs, SluiceConfig config) {
        this.addresses = new QueueAddresses(sqs, config.queue().url(), config.queue().name(), config.dlq().url());
        this.sender = new TaskSender(sqs, addresses);
    }

    /** Sends one task's message; any SDK exception means it was not (reliably) sent. */
    public void send(TaskMessage message) {
        // A recovery starts no trace of its own: the worker's attempt starts a new one.
        sender.send(message, Map.of());
    }

    public String url() {
        return addresses.taskQueue();
    }

    public String deadLetterUrl() {
        return addresses.deadLetterQueue();
    }
}
