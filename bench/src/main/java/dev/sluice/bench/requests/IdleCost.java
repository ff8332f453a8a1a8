package dev.sluice.bench.requests;

import dev.sluice.devstack.AppProcess;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the apps send to AWS with no task at all, which no task should be charged with: requests per
 * idle minute (the worker's empty long polls, the API's queue monitor) and per readiness probe (what a
 * Kubernetes readinessProbe costs each time it runs).
 *
 * @param perMinute by app name, requests per minute of the idle window
 * @param perProbe  by app name, requests of one GET /q/health/ready
 */
public record IdleCost(Duration window, Map<String, RequestCounts> perMinute, Map<String, RequestCounts> perProbe) {
    private static final int PROBES = 3;

    /**
     * Watches {@code watched} (name → process) for {@code window}, then probes the readiness of each of
     * {@code probed} three times and keeps, per call, the median: a long poll or a monitor read that
     * happens to start during one probe does not count as the probe's.
     */
    public static IdleCost measure(Map<String, AppProcess> watched, Map<String, AppProcess> probed, Duration window)
            throws InterruptedException {
        Map<String, RequestCounts> before = new LinkedHashMap<>();
        watched.forEach((name, app) -> before.put(name, RequestCounts.of(app)));
        long start = System.nanoTime();
        Thread.sleep(window.toMillis());
        double minutes = (System.nanoTime() - start) / 60e9;
        Map<String, RequestCounts> perMinute = new LinkedHashMap<>();
        watched.forEach((name, app) -> perMinute.put(name,
                RequestCounts.of(app).minus(before.get(name)).map(n -> n / minutes)));

        Map<String, RequestCounts> perProbe = new LinkedHashMap<>();
        for (Map.Entry<String, AppProcess> app : probed.entrySet()) {
            List<RequestCounts> probes = new ArrayList<>();
            for (int i = 0; i < PROBES; i++) {
                RequestCounts earlier = RequestCounts.of(app.getValue());
                probe(app.getValue());
                probes.add(RequestCounts.of(app.getValue()).minus(earlier));
            }
            perProbe.put(app.getKey(), median(probes));
        }
        return new IdleCost(window, perMinute, perProbe);
    }

    private static RequestCounts median(List<RequestCounts> samples) {
        Map<AwsCall, Double> medians = new TreeMap<>();
        samples.forEach(s -> s.counts().keySet().forEach(call -> medians.put(call, 0.0)));
        medians.replaceAll((call, zero) -> samples.stream().mapToDouble(s -> s.get(call)).sorted()
                .skip(samples.size() / 2).findFirst().orElse(0));
        medians.values().removeIf(n -> n == 0);
        return new RequestCounts(medians);
    }

    private static void probe(AppProcess app) throws InterruptedException {
        HttpRequest ready = HttpRequest.newBuilder(app.uri().resolve("/q/health/ready"))
                .timeout(Duration.ofSeconds(10)).build();
        try {
            int status = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(ready, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                throw new IllegalStateException(app.name() + " readiness answered " + status);
            }
        } catch (IOException e) {
            throw new IllegalStateException(app.name() + " readiness probe failed: " + e, e);
        }
    }
}
