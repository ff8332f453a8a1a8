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
        // Not the semaphore's count: an idle poller holds every free slot during its long poll, which
        // would read as "busy" when the worker is waiting for work.
        Gauge.builder("sluice.worker.slots.free", poller, p -> p.slots().capacity() - p.activeTasks())
                .description("Task slots not running a task")
                .strongReference(true)
                .register(registry);
        Gauge.builder("sluice.worker.concurrency", poller, p -> p.slots().capacity())
                .description("Configured task slots of this worker")
                .strongReference(true)
                .register(registry);
    }
}
