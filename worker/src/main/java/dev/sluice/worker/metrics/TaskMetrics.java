package dev.sluice.worker.metrics;

import dev.sluice.core.job.JobType;
import dev.sluice.core.lease.ShutdownRelease;
import dev.sluice.worker.task.TaskOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Counts how task handling ends and how long tasks wait and run. A lost lease is counted on its own
 * as well: it is the signal that heartbeats are too slow for the TTL or that workers are being
 * paused. Shutdown hand-backs are counted on their own too, by result: many
 * {@code released_as_attempt} mean tasks keep bouncing off deployments (a drain timeout too short
 * for the model), many {@code lost} mean leases ran out during the drain.
 *
 * <p>Every outcome of every job type is registered at start-up, so a rate over a series that has not
 * happened yet is 0 rather than absent.
 */
@Startup
@ApplicationScoped
public class TaskMetrics {
    /** All outcome tags, in the order of {@link TaskOutcome}'s permitted subclasses. */
    static final List<String> OUTCOMES = TaskOutcome.allTags();

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
        for (JobType type : JobType.values()) {
            for (String outcome : OUTCOMES) {
                tasks(type.wireName(), outcome);
            }
            queueWait(type.wireName());
        }
    }

    public void record(JobType type, TaskOutcome outcome) {
        tasks(typeTag(type), outcome.tag()).increment();
        if (outcome instanceof TaskOutcome.LeaseLost) {
            leasesLost.increment();
        }
        if (outcome instanceof TaskOutcome.ReleasedAtShutdown released) {
            shutdownReleases.get(released.result()).increment();
        }
    }

    /** From lease acquired to the outcome: what a task costs a slot. */
    public void ran(JobType type, TaskOutcome outcome, Duration duration) {
        Timer.builder("sluice.worker.task.duration")
                .description("Time from lease acquisition to the end of handling")
                .tags("type", typeTag(type), "outcome", outcome.tag())
                .serviceLevelObjectives(Buckets.TASK)
                .register(registry)
                .record(duration);
    }

    /** From the message's enqueue time to lease acquisition, retries' backoff included. */
    public void waited(JobType type, Duration wait) {
        queueWait(typeTag(type)).record(wait.isNegative() ? Duration.ZERO : wait);
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

    private Counter tasks(String type, String outcome) {
        return Counter.builder("sluice.worker.tasks")
                .description("Received messages by how their handling ended")
                .tags("type", type, "outcome", outcome)
                .register(registry);
    }

    private Timer queueWait(String type) {
        return Timer.builder("sluice.worker.queue.wait")
                .description("Time from enqueue to lease acquisition")
                .tag("type", type)
                .serviceLevelObjectives(Buckets.TASK)
                .register(registry);
    }

    private static String typeTag(JobType type) {
        return type == null ? "unknown" : type.wireName();
    }
}
