package dev.sluice.worker.model;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * The circuit breaker on the model endpoint (see {@link ModelEndpoint}) as the rest of the worker sees
 * it: the poller stops receiving while it is open, so tasks wait in the queue instead of burning
 * attempts against an endpoint that is down.
 */
@ApplicationScoped
public class ModelCircuit {
    /** The breaker's name, for {@link CircuitBreakerMaintenance} and in logs. */
    public static final String NAME = "model-endpoint";
    private static final Logger LOG = Logger.getLogger(ModelCircuit.class);

    private final CircuitBreakerMaintenance maintenance;

    public ModelCircuit(CircuitBreakerMaintenance maintenance) {
        this.maintenance = maintenance;
    }

    void logTransitions(@Observes StartupEvent event) {
        maintenance.onStateChange(NAME, state -> {
            if (state == CircuitBreakerState.OPEN) {
                LOG.warnf("model circuit breaker %s is OPEN: receiving paused until a probe succeeds", NAME);
            } else {
                LOG.infof("model circuit breaker %s is %s", NAME, state);
            }
        });
    }

    public CircuitBreakerState state() {
        return maintenance.currentState(NAME);
    }

    /** Back to closed with an empty window; for operators and tests. */
    public void reset() {
        maintenance.reset(NAME);
    }
}
