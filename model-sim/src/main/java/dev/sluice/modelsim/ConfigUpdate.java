package dev.sluice.modelsim;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code PUT /admin/config}: every field is optional and an absent one keeps its current
 * value. {@code failureRates} is replaced as a whole; {@code seed} restarts the random sequence.
 * A record (rather than a map) so that {@code latency} is written with its {@code type}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ConfigUpdate(LatencySpec latency, FailureRates failureRates, Long seed) {

    static ConfigUpdate of(SimConfig config) {
        return new ConfigUpdate(config.latency(), config.failureRates(), null);
    }

    SimConfig applyTo(SimConfig config) {
        SimConfig updated = config;
        if (latency != null) {
            updated = updated.withLatency(latency);
        }
        if (failureRates != null) {
            updated = updated.withFailureRates(failureRates);
        }
        return updated;
    }
}
