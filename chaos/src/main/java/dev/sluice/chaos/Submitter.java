package dev.sluice.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Submits the scenario's tasks through the public API as a well-behaved client would: one image job per
 * task, each with its own {@code Idempotency-Key}, retried on 503, 409 and connection errors until it is
 * accepted. The key makes the retry safe: during an SQS outage the API saves the job, answers 503, and
 * the retry sends the missing message instead of creating a second job.
 */
public final class Submitter {
    /**
     * Few on purpose: moto copies the whole table for every TransactWriteItems (each submission is one),
     * and it serves one request at a time, so more submitters would only queue copies in front of the
     * workers' heartbeats.
     */
    private static final int THREADS = 2;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(4);

    private final URI api;
    private final String runId;
    private final Scenario scenario;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService threads = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "submitter");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger replayed = new AtomicInteger();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicInteger conflicts = new AtomicInteger();
    private final AtomicInteger otherServerErrors = new AtomicInteger();
    private final AtomicInteger connectionErrors = new AtomicInteger();
    private final List<Integer> gaveUp = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> rejected = Collections.synchronizedList(new ArrayList<>());
    private volatile long deadlineNanos;
    private final String apiKey;

    /** {@code apiKey}: a key with jobs:write, sent as a Bearer token with every submission. */
    public Submitter(URI api, String apiKey, String runId, Scenario scenario) {
        this.api = api;
        this.apiKey = apiKey;
        this.runId = runId;
        this.scenario = scenario;
    }

    /** The prompt carries the run, the index and the kind's marker: the fault rules and the final check read it. */
    public static String prompt(String runId, int index, TaskKind kind) {
        return "chaos " + runId + " task #" + index + " " + kind.marker();
    }

    /** Starts submitting in the background; gives up on a task after {@code patience}. */
    public void start(Duration patience) {
        deadlineNanos = System.nanoTime() + patience.toNanos();
        for (int i = 0; i < scenario.tasks().size(); i++) {
            int index = i;
            threads.execute(() -> submit(index, scenario.tasks().get(index)));
        }
        threads.shutdown();
    }

    public boolean isDone() {
        return threads.isTerminated();
    }

    public int accepted() {
        return accepted.get();
    }

    public void awaitDone(Duration timeout) throws InterruptedException {
        threads.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public SubmissionStats stats() {
        synchronized (gaveUp) {
            synchronized (rejected) {
                return new SubmissionStats(accepted.get(), replayed.get(), unavailable.get(), conflicts.get(),
                        otherServerErrors.get(), connectionErrors.get(), gaveUp, rejected);
            }
        }
    }

    public void stop() {
        threads.shutdownNow();
    }

    private void submit(int index, TaskKind kind) {
        String body = "{\"type\":\"image-generation\",\"input\":{\"prompt\":\"" + prompt(runId, index, kind)
                + "\",\"width\":64,\"height\":64}}";
        HttpRequest request = HttpRequest.newBuilder(api.resolve("/v1/jobs"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "chaos-" + runId + "-" + index)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        Duration backoff = FIRST_BACKOFF;
        while (System.nanoTime() < deadlineNanos) {
            Duration wait = backoff;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 202) {
                    accepted.incrementAndGet();
                    if (response.headers().firstValue("Idempotent-Replayed").isPresent()) {
                        replayed.incrementAndGet();
                    }
                    return;
                }
                if (status == 503 || status == 409) {
                    (status == 503 ? unavailable : conflicts).incrementAndGet();
                    wait = retryAfter(response).orElse(backoff);
                } else if (status >= 500) {
                    otherServerErrors.incrementAndGet();
                } else {
                    rejected.add(index);
                    return;
                }
            } catch (IOException e) {
                connectionErrors.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                gaveUp.add(index);
                return;
            }
            if (!sleep(wait)) {
                gaveUp.add(index);
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
        gaveUp.add(index);
    }

    private static java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
        try {
            return response.headers().firstValue("Retry-After").map(s -> Duration.ofSeconds(Long.parseLong(s.trim())));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
