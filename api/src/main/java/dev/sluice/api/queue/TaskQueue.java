package dev.sluice.api.queue;

import dev.sluice.api.config.SluiceConfig;
import dev.sluice.core.message.TaskMessage;
import dev.sluice.core.queue.QueueAddresses;
import dev.sluice.core.queue.TaskSender;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The task queue as the API uses it. Each message carries the W3C trace context of the request that
 * sent it ({@code traceparent}, and {@code tracestate} when there is one), so the worker continues the
 * same trace: one job, one trace, from the API call to its output.
 */
@ApplicationScoped
public class TaskQueue {
    private final QueueAddresses addresses;
    private final TaskSender sender;
    private final OpenTelemetry telemetry;

    public TaskQueue(SqsClient sqs, SluiceConfig config, OpenTelemetry telemetry) {
        this.addresses = new QueueAddresses(sqs, config.queue().url(), config.queue().name(), config.dlq().url());
        this.sender = new TaskSender(sqs, addresses);
        this.telemetry = telemetry;
    }

    /** Sends one task's message; any SDK exception means it was not (reliably) sent. */
    public void send(TaskMessage message) {
        Map<String, String> context = new HashMap<>();
        telemetry.getPropagators().getTextMapPropagator().inject(Context.current(), context,
                (carrier, key, value) -> carrier.put(key, value));
        sender.send(message, context);
    }

    public QueueAddresses addresses() {
        return addresses;
    }
}
