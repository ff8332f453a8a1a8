package dev.sluice.worker.queue;

import dev.sluice.worker.model.ModelCircuit;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the receive loop runs; reports free slots so an operator sees saturation, and the
 * model's circuit breaker, since an open breaker pauses receiving without making the worker unready.
 */
@Readiness
@ApplicationScoped
public class PollerReadiness implements HealthCheck {
    private final QueuePoller poller;
    private final ModelCircuit circuit;

    public PollerReadiness(QueuePoller poller, ModelCircuit circuit) {
        this.poller = poller;
        this.circuit = circuit;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("queue-poller")
                .status(poller.isRunning())
                .withData("freeSlots", poller.slots().free())
                .withData("capacity", poller.slots().capacity())
                .withData("modelCircuit", circuit.state().name())
                .build();
    }
}
