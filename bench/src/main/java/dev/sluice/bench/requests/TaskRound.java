package dev.sluice.bench.requests;

import dev.sluice.devstack.AppProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One measured batch of tasks: the AWS requests of the API and the worker from just before the first
 * submission until the worker reports the last task completed (it counts a task after its last request:
 * the message's deletion). Nothing else talks to the apps meanwhile.
 *
 * @param label    what the row is called, e.g. "1 s tasks"
 * @param elapsed  first submission → last completion
 * @param jobIds   the jobs submitted, for reading them back afterwards
 */
public record TaskRound(String label, int tasks, Duration elapsed, RequestCounts api, RequestCounts worker,
                        List<String> jobIds) {

    /** Submits {@code tasks} jobs through {@code client} one after the other, then waits for them all. */
    public static TaskRound run(String label, int tasks, JobsClient client, AppProcess api, AppProcess worker,
                                Duration timeout) throws InterruptedException {
        RequestCounts apiBefore = RequestCounts.of(api);
        RequestCounts workerBefore = RequestCounts.of(worker);
        WorkerOutcomes outcomesBefore = WorkerOutcomes.of(worker);
        long start = System.nanoTime();
        List<String> jobIds = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            jobIds.add(client.submit("bench requests " + label + " #" + i));
        }
        WorkerOutcomes.awaitCompleted(worker, outcomesBefore, tasks, timeout);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new TaskRound(label, tasks, elapsed, RequestCounts.of(api).minus(apiBefore),
                RequestCounts.of(worker).minus(workerBefore), List.copyOf(jobIds));
    }

    /** Requests per task, both apps together. */
    public RequestCounts perTask() {
        return api.plus(worker).map(n -> n / tasks);
    }
}
