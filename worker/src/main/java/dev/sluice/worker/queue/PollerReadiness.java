package dev.sluice.worker.queue;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the receive loop runs; reports free slots so an operator sees saturation. */
@Readiness
@ApplicationScoped
public class PollerReadiness implements HealthCheck {
    private final QueuePoller poller;

    public PollerReadiness(QueuePoller poller) {
        this.poller = poller;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("queue-poller")
                .status(poller.isRunning())
                .withData("freeSlots", poller.slots().free())
                .withData("capacity", poller.slots().capacity())
                .build();
    }
}
