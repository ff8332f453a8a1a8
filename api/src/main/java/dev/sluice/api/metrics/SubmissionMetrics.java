package dev.sluice.api.metrics;

import dev.sluice.core.job.JobType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Job submissions by type and how they ended. Every combination is registered at start-up, so a rate
 * over one that has not happened yet is 0 rather than absent. A request rejected before its type was
 * read counts as type {@code unknown}.
 */
@Startup
@ApplicationScoped
public class SubmissionMetrics {
    public static final String UNKNOWN_TYPE = "unknown";
    /** {@code not_queued}: saved but the message could not be sent (503; a retry or the reaper queues it). */
    static final List<String> OUTCOMES = List.of("accepted", "replayed", "rejected", "not_queued");

    private final MeterRegistry registry;

    public SubmissionMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String outcome : OUTCOMES) {
            for (JobType type : JobType.values()) {
                counter(type.wireName(), outcome);
            }
            counter(UNKNOWN_TYPE, outcome);
        }
    }

    public void accepted(JobType type, boolean replayed) {
        counter(type.wireName(), replayed ? "replayed" : "accepted").increment();
    }

    public void rejected(JobType typeOrNull) {
        counter(typeOrNull == null ? UNKNOWN_TYPE : typeOrNull.wireName(), "rejected").increment();
    }

    public void notQueued(JobType type) {
        counter(type.wireName(), "not_queued").increment();
    }

    private Counter counter(String type, String outcome) {
        return Counter.builder("sluice.api.jobs.submitted")
                .description("Job submissions by type and outcome")
                .tags("type", type, "outcome", outcome)
                .register(registry);
    }
}
