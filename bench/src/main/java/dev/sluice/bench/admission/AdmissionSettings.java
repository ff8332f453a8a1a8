package dev.sluice.bench.admission;

import dev.sluice.modelsim.LatencySpec;
import java.time.Duration;
import java.util.List;

/**
 * The sizes of one admission run. Both designs share the model: the simulator serves {@code capacity}
 * invocations at once (more wait in its queue) and each takes {@code latency}.
 *
 * @param levels          concurrent clients per level, run in this order; each client sends one request
 * @param latency         the model's latency per invocation
 * @param capacity        invocations the model serves at once; also the worker's concurrency
 * @param clientTimeout   how long a client waits for an answer (API Gateway's integration limit)
 * @param poll            how often the unfinished Sluice jobs are counted: the resolution of "all completed"
 * @param drainGrace      added to the expected drain time to bound how long a level may take to finish
 */
public record AdmissionSettings(List<Integer> levels, LatencySpec latency, int capacity, Duration clientTimeout,
                                Duration poll, Duration drainGrace) {

    /** API Gateway answers 504 when the integration has not answered within 29 s; clients see that. */
    public static final Duration API_GATEWAY_TIMEOUT = Duration.ofSeconds(29);

    public AdmissionSettings {
        levels = List.copyOf(levels);
    }

    /**
     * The levels. The model keeps the capacity (4 at once) but runs 10x faster than its
     * example (0.5-1 s instead of 5-10 s): every request of the old design reaches the model, timed out
     * or not, and so may every Sluice job, up to 1,341 per design, so the model alone may be busy up to
     * 2 x 1,341 x 0.75 s / 4 = 8.4 minutes; at 5-10 s it would be 84. The client timeout stays at 29 s,
     * so the old design starts timing out at more clients than with the slow model (about
     * 29 s x 4 / 0.75 s = 155 waiting clients instead of about 15): the shape is the same, scaled.
     */
    public static AdmissionSettings full() {
        return new AdmissionSettings(List.of(1, 4, 16, 64, 256, 1000), new LatencySpec.Uniform(500, 1000), 4,
                API_GATEWAY_TIMEOUT, Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    /** A smoke run: two small levels and a tiny model latency. */
    public static AdmissionSettings quick() {
        return new AdmissionSettings(List.of(1, 4), new LatencySpec.Uniform(50, 100), 4, API_GATEWAY_TIMEOUT,
                Duration.ofMillis(100), Duration.ofSeconds(20));
    }

    /** The latency's mean; only the fixed and uniform kinds the runs use are known, others are NaN. */
    public double meanLatencyMillis() {
        if (latency instanceof LatencySpec.Uniform uniform) {
            return (uniform.minMs() + uniform.maxMs()) / 2.0;
        }
        return latency instanceof LatencySpec.Fixed fixed ? fixed.ms() : Double.NaN;
    }

    /**
     * The longest a level's work may take before what is left counts as not completed: twice the time
     * the model needs for every request at its slowest latency, plus {@code drainGrace}.
     */
    public Duration drainBound(int clients) {
        long slowestMillis = LatencySpec.MAX_MILLIS;
        if (latency instanceof LatencySpec.Uniform uniform) {
            slowestMillis = uniform.maxMs();
        } else if (latency instanceof LatencySpec.Fixed fixed) {
            slowestMillis = fixed.ms();
        }
        long rounds = (clients + capacity - 1) / capacity;
        return drainGrace.plusMillis(2 * rounds * slowestMillis);
    }
}
