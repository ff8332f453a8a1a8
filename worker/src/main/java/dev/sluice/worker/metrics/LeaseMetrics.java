package dev.sluice.worker.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The lease protocol as one worker sees it. Refusals are normal in small numbers (duplicate messages,
 * a redelivery while another worker still holds the task); heartbeats that stop while tasks run, or
 * keep failing, come before leases are lost and tasks run twice.
 */
@Startup
@ApplicationScoped
public class LeaseMetrics {
    /** Why an acquisition was refused: see {@code LeaseAcquisition}. */
    public static final List<String> REFUSALS = List.of("held_elsewhere", "terminal", "missing");

    private final MeterRegistry registry;
    private final Counter heartbeats;
    private final Counter leaseExtensionFailures;
    private final Counter visibilityExtensionFailures;

    public LeaseMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.heartbeats = Counter.builder("sluice.worker.heartbeats")
                .description("Lease extensions that succeeded")
                .register(registry);
        this.leaseExtensionFailures = failures("lease");
        this.visibilityExtensionFailures = failures("visibility");
        REFUSALS.forEach(this::refusals);
    }

    public void refused(String reason) {
        refusals(reason).increment();
    }

    public void heartbeat() {
        heartbeats.increment();
    }

    public void leaseExtensionFailed() {
        leaseExtensionFailures.increment();
    }

    public void visibilityExtensionFailed() {
        visibilityExtensionFailures.increment();
    }

    private Counter refusals(String reason) {
        return Counter.builder("sluice.worker.lease.refusals")
                .description("Lease acquisitions refused, by reason")
                .tag("reason", reason)
                .register(registry);
    }

    private Counter failures(String kind) {
        return Counter.builder("sluice.worker.heartbeat.failures")
                .description("Lease or message visibility extensions that failed with an error")
                .tag("kind", kind)
                .register(registry);
    }
}
