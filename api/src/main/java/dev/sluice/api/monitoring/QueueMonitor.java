package dev.sluice.api.monitoring;

import dev.sluice.api.config.SluiceConfig;
import dev.sluice.api.queue.TaskQueue;
import dev.sluice.core.reaper.ReaperRecords;
import dev.sluice.core.store.TaskIndex;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Reads how deep the queues are, how long the oldest task has waited and what the reaper last did,
 * once per interval, and exports it (see {@link MonitorGauges}). One component does this, not every
 * request nor every worker: a read is two GetQueueAttributes, one single-item Query per index shard and
 * one GetItem, whatever the traffic.
 */
@ApplicationScoped
public class QueueMonitor {
    private static final Logger LOG = Logger.getLogger(QueueMonitor.class);

    private final SqsClient sqs;
    private final TaskQueue queue;
    private final TaskIndex index;
    private final ReaperRecords reaper;
    private final Clock clock;
    private final boolean enabled;
    private final MonitorGauges gauges;
    private volatile boolean failing;

    public QueueMonitor(SqsClient sqs, DynamoDbClient dynamo, TaskQueue queue, Clock clock, SluiceConfig config,
                        MeterRegistry registry) {
        this.sqs = sqs;
        this.queue = queue;
        this.index = new TaskIndex(dynamo, config.table());
        this.reaper = new ReaperRecords(dynamo, config.table(), ReaperRecords.REAPER_LOCK);
        this.clock = clock;
        this.enabled = config.monitor().enabled();
        this.gauges = enabled ? new MonitorGauges(registry) : null;
    }

    @Scheduled(identity = "sluice-monitor", every = "${sluice.monitor.interval:30s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void read() {
        if (!enabled) {
            return;
        }
        try {
            MonitorReading reading = new MonitorReading(clock.instant(),
                    QueueDepth.read(sqs, queue.addresses().taskQueue()),
                    QueueDepth.read(sqs, queue.addresses().deadLetterQueue()),
                    index.oldestPendingSince(),
                    reaper.read());
            gauges.show(reading);
            if (failing) {
                failing = false;
                LOG.info("monitor reads succeed again");
            }
        } catch (RuntimeException e) {
            gauges.failed();
            // Once per outage, not once per interval.
            if (!failing) {
                failing = true;
                LOG.warnf("monitor read failed; the gauges keep their last values: %s", e.toString());
            }
        }
    }
}
