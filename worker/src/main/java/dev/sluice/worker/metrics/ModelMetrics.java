package dev.sluice.worker.metrics;

import dev.sluice.core.job.JobType;
import dev.sluice.worker.model.ModelCircuit;
import dev.sluice.worker.model.ModelResult;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
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
    /** How an invocation ended, as a tag: see {@link ModelResult}. */
    static final List<String> RESULTS = List.of("success", "transient", "permanent", "cancelled", "circuit_open");

    private final MeterRegistry registry;
    private final Counter retries;

    public ModelMetrics(MeterRegistry registry, ModelCircuit circuit) {
        this.registry = registry;
        Gauge.builder("sluice.worker.model.circuit.state", circuit, c -> stateValue(c.state()))
                .description("Circuit breaker on the model endpoint: 0 closed, 1 half-open, 2 open (not receiving)")
                .strongReference(true)
                .register(registry);
        this.retries = Counter.builder("sluice.worker.model.retries")
                .description("In-process retries of transient model failures")
                .register(registry);
        for (JobType type : JobType.values()) {
            RESULTS.forEach(result -> invocations(type, result));
        }
    }

    /** One invocation as the task saw it: in-process retries and their delays included. */
    public void invoked(JobType type, ModelResult result, Duration duration) {
        invocations(type, result(result)).record(duration);
    }

    private Timer invocations(JobType type, String result) {
        return Timer.builder("sluice.worker.model.invocation")
                .description("Model invocation latency by job type and result")
                .tags("type", type.wireName(), "result", result)
                .serviceLevelObjectives(Buckets.MODEL)
                .register(registry);
    }

    static String result(ModelResult result) {
        if (result instanceof ModelResult.Success) {
            return "success";
        }
        if (result instanceof ModelResult.TransientFailure) {
            return "transient";
        }
        if (result instanceof ModelResult.PermanentFailure) {
            return "permanent";
        }
        return result instanceof ModelResult.CircuitOpen ? "circuit_open" : "cancelled";
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
