package dev.sluice.worker.metrics;

import dev.sluice.worker.model.ModelCircuit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The model endpoint as the worker experiences it: breaker state (an open breaker means the poller
 * has stopped receiving) and in-process retries (a rising rate is the early sign of a struggling
 * endpoint, before anything reaches the queue's backoff). Created at start-up so the gauge exists
 * before the first call.
 */
@Startup
@ApplicationScoped
public class ModelMetrics {
    private final Counter retries;

    public ModelMetrics(MeterRegistry registry, ModelCircuit circuit) {
        Gauge.builder("sluice.worker.model.circuit.state", circuit, c -> stateValue(c.state()))
                .description("Circuit breaker on the model endpoint: 0 closed, 1 half-open, 2 open (not receiving)")
                .strongReference(true)
                .register(registry);
        this.retries = Counter.builder("sluice.worker.model.retries")
                .description("In-process retries of transient model failures")
                .register(registry);
    }

    public void retried() {
        retries.increment();
    }

    public double retries() {
        return retries.count();
    }

    static double stateValue(CircuitBreakerState state) {
        if (state == CircuitBreakerState.OPEN) {
            return 2;
        }
        return state == CircuitBreakerState.HALF_OPEN ? 1 : 0;
    }
}
