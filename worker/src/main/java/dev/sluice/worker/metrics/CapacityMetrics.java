package dev.sluice.worker.metrics;

import dev.sluice.worker.queue.QueuePoller;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A worker's capacity next to its use: summed over pods, in-flight against concurrency says whether
 * the fleet is saturated (scale out) or idle while the queue grows (something upstream is stuck).
 */
@Startup
@ApplicationScoped
public class CapacityMetrics {

    public CapacityMetrics(MeterRegistry registry, QueuePoller poller) {
        Gauge.builder("sluice.worker.tasks.in.flight", poller, QueuePoller::activeTasks)
                .description("Tasks running now")
                .strongReference(true)
                .register(registry);
        Gauge.builder("sluice.worker.slots.free", poller, p -> p.slots().free())
                .description("Free task slots (a receive in progress holds the slots it asked for)")
                .strongReference(true)
                .register(registry);
        Gauge.builder("sluice.worker.concurrency", poller, p -> p.slots().capacity())
                .description("Configured task slots of this worker")
                .strongReference(true)
                .register(registry);
    }
}
