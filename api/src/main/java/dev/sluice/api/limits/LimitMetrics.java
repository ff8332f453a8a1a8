package dev.sluice.api.limits;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Requests refused by a limit, and requests let through uncounted because the shared rate counter was
 * unreachable. Registered at start-up, so a rate over them is 0 rather than absent.
 */
@Startup
@ApplicationScoped
public class LimitMetrics {
    static final String REFUSED = "sluice.api.limits.refused";
    static final String UNCOUNTED = "sluice.api.limits.rate.uncounted";

    private final Counter rateRefused;
    private final Counter activeJobsRefused;
    private final Counter uncounted;

    public LimitMetrics(MeterRegistry registry) {
        this.rateRefused = refused(registry, "rate");
        this.activeJobsRefused = refused(registry, "active_jobs");
        this.uncounted = Counter.builder(UNCOUNTED)
                .description("Requests let through without counting because DynamoDB was unreachable (fail open)")
                .register(registry);
    }

    public void rateRefused() {
        rateRefused.increment();
    }

    public void activeJobsRefused() {
        activeJobsRefused.increment();
    }

    public void uncounted() {
        uncounted.increment();
    }

    private static Counter refused(MeterRegistry registry, String limit) {
        return Counter.builder(REFUSED)
                .description("Requests answered 429 by a limit")
                .tags("limit", limit)
                .register(registry);
    }
}
