package dev.sluice.modelsim;

import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decides latency and injected failure for each invocation from the current {@link SimConfig},
 * the fault rules and a seedable random generator. Fault rules win over random failures so that
 * a test's scripted failures do not depend on the dice.
 */
final class InvocationPlanner {

    private final AtomicReference<SimConfig> config;
    private final FaultBook faults = new FaultBook();
    private volatile Random random;

    InvocationPlanner(SimConfig config, Long seed) {
        this.config = new AtomicReference<>(config);
        this.random = seed == null ? new Random() : new Random(seed);
    }

    SimConfig config() {
        return config.get();
    }

    void setConfig(SimConfig newConfig) {
        config.set(newConfig);
    }

    void reseed(long seed) {
        random = new Random(seed);
    }

    FaultBook faults() {
        return faults;
    }

    InvocationPlan plan(String rawBody, String taskId) {
        SimConfig current = config.get();
        Random rng = random;
        // Draw both numbers for every invocation so that, with a seed, the sequence of latencies
        // does not depend on which invocations a fault rule happened to fail.
        long latency = current.latency().sampleMillis(rng);
        FailureKind drawn = current.failureRates().draw(rng);
        FailureKind failure = faults.apply(rawBody, taskId).orElse(drawn);
        return new InvocationPlan(latency, failure);
    }
}
