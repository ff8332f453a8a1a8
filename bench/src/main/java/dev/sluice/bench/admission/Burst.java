package dev.sluice.bench.admission;

import dev.sluice.bench.run.Latencies;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N clients that start together, each sending one request and waiting at most the client timeout, as
 * API Gateway would: an answer that comes later is a timeout even if it comes. The requests are
 * asynchronous on one HTTP/1.1 client, one connection each, so a thousand really are in flight at once.
 */
final class Burst {
    private final HttpClient http;
    private final Duration timeout;

    Burst(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /** Sends every request (built beforehand, so they leave together) and waits for every outcome. */
    BurstResult fire(List<HttpRequest> requests) throws InterruptedException {
        List<CompletableFuture<ClientOutcome>> pending = new ArrayList<>(requests.size());
        AtomicLong lastDone = new AtomicLong();
        long start = System.nanoTime();
        for (HttpRequest request : requests) {
            long sent = System.nanoTime();
            pending.add(http.sendAsync(request, Burst::jsonOnly).handle((response, failure) -> {
                ClientOutcome outcome = outcome(sent, response, failure);
                lastDone.accumulateAndGet(System.nanoTime(), Math::max);
                return outcome;
            }));
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis() + 30_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Every outcome is handled; one still missing after the timeout and a margin counts as a timeout.
        }
        long end = System.nanoTime();
        boolean allDone = true;
        Latencies latencies = new Latencies();
        List<ClientOutcome> outcomes = new ArrayList<>(pending.size());
        for (CompletableFuture<ClientOutcome> future : pending) {
            allDone &= future.isDone();
            ClientOutcome outcome = future.getNow(new ClientOutcome(ClientOutcome.Kind.TIMEOUT, end - start,
                    "no answer", null));
            if (outcome.kind() != ClientOutcome.Kind.TIMEOUT) {
                latencies.record(outcome.nanos());
            }
            outcomes.add(outcome);
        }
        return new BurstResult(outcomes, latencies, start, (allDone ? lastDone.get() : end) - start);
    }

    /** Keeps JSON answers (Sluice's 202 names the job) and drops the rest, images included, unread. */
    private static HttpResponse.BodySubscriber<String> jsonOnly(HttpResponse.ResponseInfo info) {
        boolean json = info.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
        return json ? HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8)
                : HttpResponse.BodySubscribers.replacing(null);
    }

    private ClientOutcome outcome(long sent, HttpResponse<String> response, Throwable failure) {
        long nanos = System.nanoTime() - sent;
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException || nanos > timeout.toNanos()) {
            return new ClientOutcome(ClientOutcome.Kind.TIMEOUT, nanos, "timeout", null);
        }
        if (cause != null) {
            return new ClientOutcome(ClientOutcome.Kind.ERROR, nanos, cause.getClass().getSimpleName(), null);
        }
        int status = response.statusCode();
        return new ClientOutcome(status / 100 == 2 ? ClientOutcome.Kind.OK : ClientOutcome.Kind.ERROR, nanos,
                "HTTP " + status, response.body());
    }
}
