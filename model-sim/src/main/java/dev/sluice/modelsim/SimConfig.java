package dev.sluice.modelsim;

import java.util.Objects;

/** The part of the configuration that can be changed while running ({@code GET/PUT /admin/config}). */
public record SimConfig(LatencySpec latency, FailureRates failureRates) {

    public SimConfig {
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(failureRates, "failureRates");
    }

    public static SimConfig defaults() {
        return new SimConfig(LatencySpec.none(), FailureRates.none());
    }

    public SimConfig withLatency(LatencySpec latency) {
        return new SimConfig(latency, failureRates);
    }

    public SimConfig withFailureRates(FailureRates failureRates) {
        return new SimConfig(latency, failureRates);
    }
}
