package dev.sluice.bench.requests;

import dev.sluice.devstack.AppProcess;
import dev.sluice.devstack.metrics.PrometheusScrape;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;

/**
 * Counts of AWS requests by call, read from an app's {@code sluice_aws_requests_total}; differences of
 * two readings are what happened in between.
 */
public record RequestCounts(Map<AwsCall, Double> counts) {
    static final String METRIC = "sluice_aws_requests_total";

    public RequestCounts {
        counts = Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    public static RequestCounts none() {
        return new RequestCounts(Map.of());
    }

    /** The app's counters now. */
    public static RequestCounts of(AppProcess app) {
        Map<AwsCall, Double> counts = new TreeMap<>();
        for (PrometheusScrape.Sample sample : PrometheusScrape.of(app.uri().resolve("/q/metrics")).find(METRIC)) {
            AwsCall call = new AwsCall(sample.labels().get("service"), sample.labels().get("operation"));
            counts.merge(call, sample.value(), Double::sum);
        }
        return new RequestCounts(counts);
    }

    public RequestCounts minus(RequestCounts earlier) {
        Map<AwsCall, Double> result = new TreeMap<>(counts);
        earlier.counts.forEach((call, n) -> result.merge(call, -n, Double::sum));
        result.values().removeIf(n -> n == 0);
        return new RequestCounts(result);
    }

    public RequestCounts plus(RequestCounts other) {
        Map<AwsCall, Double> result = new TreeMap<>(counts);
        other.counts.forEach((call, n) -> result.merge(call, n, Double::sum));
        return new RequestCounts(result);
    }

    public RequestCounts map(DoubleUnaryOperator f) {
        Map<AwsCall, Double> result = new TreeMap<>();
        counts.forEach((call, n) -> result.put(call, f.applyAsDouble(n)));
        return new RequestCounts(result);
    }

    public double get(AwsCall call) {
        return counts.getOrDefault(call, 0.0);
    }

    public double total() {
        return counts.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
