package dev.sluice.worker.metrics;

import dev.sluice.core.job.JobType;
import dev.sluice.core.lease.ShutdownRelease;
import dev.sluice.worker.task.TaskOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Counts how task handling ends. A lost lease is counted on its own as well: it is the signal that
 * heartbeats are too slow for the TTL or that workers are being paused. Shutdown hand-backs are
 * counted on their own too, by result: many {@code released_as_attempt} mean tasks keep bouncing off
 * deployments (a drain timeout too short for the model), many {@code lost} mean leases ran out during
 * the drain.
 */
@ApplicationScoped
public class TaskMetrics {
    private final MeterRegistry registry;
    private final Counter leasesLost;
    private final Map<ShutdownRelease, Counter> shutdownReleases = new EnumMap<>(ShutdownRelease.class);

    public TaskMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.leasesLost = Counter.builder("sluice.worker.leases.lost")
                .description("Heartbeats or commits refused because another worker holds a newer lease")
                .register(registry);
        for (ShutdownRelease result : ShutdownRelease.values()) {
            shutdownReleases.put(result, Counter.builder("sluice.worker.shutdown.releases")
                    .description("Tasks handed back to the queue because the worker stopped before they finished")
                    .tag("result", result.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
    }

    public void record(JobType type, TaskOutcome outcome) {
        registry.counter("sluice.worker.tasks", "type", type == null ? "unknown" : type.wireName(),
                "outcome", name(outcome)).increment();
        if (outcome instanceof TaskOutcome.LeaseLost) {
            leasesLost.increment();
        }
        if (outcome instanceof TaskOutcome.ReleasedAtShutdown released) {
            shutdownReleases.get(released.result()).increment();
        }
    }

    public double leasesLost() {
        return leasesLost.count();
    }

    public double shutdownReleases(ShutdownRelease result) {
        return shutdownReleases.get(result).count();
    }

    /** How often handling ended with {@code outcome} (its metric tag, e.g. {@code run_time_exceeded}). */
    public double tasks(String outcome) {
        return registry.find("sluice.worker.tasks").tag("outcome", outcome).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    static String name(TaskOutcome outcome) {
        return outcome.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
