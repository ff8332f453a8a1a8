package dev.sluice.api.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Request latency by route and status: Quarkus's own {@code http.server.requests} timer (routes as
 * templates, so job IDs do not multiply series), renamed into Sluice's namespace and given explicit
 * histogram buckets so dashboards can compute percentiles across pods.
 */
public class RequestMetrics {
    static final String QUARKUS_NAME = "http.server.requests";
    static final String NAME = "sluice.api.requests";
    private static final double[] BUCKETS_SECONDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    @Produces
    @Singleton
    MeterFilter requestLatency() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().equals(QUARKUS_NAME) ? id.withName(NAME) : id;
            }

            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(NAME)) {
                    return config;
                }
                // Timer buckets are given in nanoseconds; Prometheus shows them in seconds.
                double[] nanos = new double[BUCKETS_SECONDS.length];
                for (int i = 0; i < nanos.length; i++) {
                    nanos[i] = BUCKETS_SECONDS[i] * 1e9;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
            }
        };
    }
}
