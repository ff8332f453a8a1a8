package dev.sluice.bench.admission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * How many {@code POST /v1/jobs} requests the API has finished, from its own request timer on
 * {@code /q/metrics}. A client that timed out has left, but the API may still be working on its request
 * and store a job: a level is over once the API has finished all its submissions, or stopped finishing
 * any (a request whose client has gone may never be counted, or never be worked on at all).
 */
final class ApiSubmissions {
    private static final String SERIES = "sluice_api_requests_seconds_count{";
    /** Longer than the API's 10 s limit per AWS call: a count that stood still this long will not move. */
    private static final Duration STILL = Duration.ofSeconds(15);

    private final HttpClient http;
    private final URI metrics;

    ApiSubmissions(HttpClient http, URI api) {
        this.http = http;
        this.metrics = api.resolve("/q/metrics");
    }

    long finished() throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(30)).GET().build();
        String text;
        try {
            text = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the API's metrics failed", e);
        }
        double total = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(SERIES) && line.contains("method=\"POST\"") && line.contains("uri=\"/v1/jobs\"")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return (long) total;
    }

    /**
     * Waits until the API has finished {@code target} submissions in all, or its count has stood still for
     * {@link #STILL}, or {@code deadlineNanos} passed; true in the first case.
     */
    boolean awaitFinished(long target, long deadlineNanos, Duration poll) throws InterruptedException {
        long last = -1;
        long since = System.nanoTime();
        while (true) {
            long count = finished();
            long now = System.nanoTime();
            if (count >= target) {
                return true;
            }
            if (count != last) {
                last = count;
                since = now;
            } else if (now - since > STILL.toNanos() || now > deadlineNanos) {
                return false;
            }
            Thread.sleep(poll.toMillis());
        }
    }
}
