package dev.sluice.worker.metrics;

import dev.sluice.core.job.JobType;
import dev.sluice.worker.task.TaskOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts how task handling ends. A lost lease is counted on its own as well: it is the signal that
 * heartbeats are too slow for the TTL or that workers are being paused.
 */
@ApplicationScoped
public class TaskMetrics {
    private final MeterRegistry registry;
    private final Counter leasesLost;

    public TaskMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.leasesLost = Counter.builder("sluice.worker.leases.lost")
                .description("Heartbeats or commits refused because another worker holds a newer lease")
                .register(registry);
    }

    public void record(JobType type, TaskOutcome outcome) {
        registry.counter("sluice.worker.tasks", "type", type == null ? "unknown" : type.wireName(),
                "outcome", name(outcome)).increment();
        if (outcome instanceof TaskOutcome.LeaseLost) {
            leasesLost.increment();
        }
    }

    public double leasesLost() {
        return leasesLost.count();
    }

    static String name(TaskOutcome outcome) {
        return outcome.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
    }
}
