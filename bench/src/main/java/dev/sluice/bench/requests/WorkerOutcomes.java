package dev.sluice.bench.requests;

import dev.sluice.devstack.AppProcess;
import dev.sluice.devstack.metrics.PrometheusScrape;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a worker's handled messages ended ({@code sluice_worker_tasks_total} by outcome), read from its
 * metrics: waiting on them costs no AWS request, unlike polling the API or the table.
 */
public record WorkerOutcomes(Map<String, Double> byOutcome) {
    private static final Duration POLL = Duration.ofMillis(100);

    public static WorkerOutcomes of(AppProcess worker) {
        Map<String, Double> byOutcome = new TreeMap<>();
        PrometheusScrape scrape = PrometheusScrape.of(worker.uri().resolve("/q/metrics"));
        for (PrometheusScrape.Sample s : scrape.find("sluice_worker_tasks_total")) {
            byOutcome.merge(s.labels().get("outcome"), s.value(), Double::sum);
        }
        return new WorkerOutcomes(byOutcome);
    }

    public double completed() {
        return byOutcome.getOrDefault("completed", 0.0);
    }

    /** Outcomes other than completed, with their counts (retries, duplicates, failures ...). */
    public Map<String, Double> others() {
        Map<String, Double> others = new TreeMap<>(byOutcome);
        others.remove("completed");
        others.values().removeIf(n -> n == 0);
        return others;
    }

    public WorkerOutcomes since(WorkerOutcomes earlier) {
        Map<String, Double> delta = new TreeMap<>(byOutcome);
        earlier.byOutcome.forEach((outcome, n) -> delta.merge(outcome, -n, Double::sum));
        return new WorkerOutcomes(delta);
    }

    /**
     * Waits until {@code tasks} more tasks completed than at {@code baseline}; fails on any other outcome,
     * since a retried or re-leased task would count its requests twice.
     */
    public static WorkerOutcomes awaitCompleted(AppProcess worker, WorkerOutcomes baseline, int tasks, Duration timeout)
            throws InterruptedException {
        return await(worker, baseline, tasks, timeout, true);
    }

    /**
     * Waits until {@code tasks} more tasks completed than at {@code baseline}, whatever else happened on
     * the way (a lease lost under load and taken over is the protocol working, not a failed load).
     */
    public static WorkerOutcomes awaitEventuallyCompleted(AppProcess worker, WorkerOutcomes baseline, int tasks,
                                                          Duration timeout) throws InterruptedException {
        return await(worker, baseline, tasks, timeout, false);
    }

    private static WorkerOutcomes await(AppProcess worker, WorkerOutcomes baseline, int tasks, Duration timeout,
                                        boolean onlyCompleted) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            WorkerOutcomes now = of(worker).since(baseline);
            if (onlyCompleted && !now.others().isEmpty()) {
                throw new IllegalStateException("tasks did not simply complete: " + now.byOutcome());
            }
            if (now.completed() >= tasks) {
                return now;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(String.format("only %.0f of %d tasks completed within %s",
                        now.completed(), tasks, timeout));
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
