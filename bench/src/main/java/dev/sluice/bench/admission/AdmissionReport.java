package dev.sluice.bench.admission;

import dev.sluice.bench.run.Latencies;
import dev.sluice.bench.run.ScenarioReport;
import java.util.List;
import java.util.Locale;

/** The two tables (what the clients saw, what each level got done) and what bounds their numbers. */
final class AdmissionReport {
    private AdmissionReport() {
    }

    static ScenarioReport of(AdmissionSettings settings, List<LevelResult> results) {
        ScenarioReport report = new ScenarioReport("admission: the old synchronous design vs Sluice");
        String setting = String.format(Locale.ROOT, "model %s ms, capacity %d; Sluice: 1 API and 1 worker process"
                        + " with %d concurrent tasks; client timeout %d s", settings.latency().describe(),
                settings.capacity(), settings.capacity(), settings.clientTimeout().toSeconds());
        ScenarioReport.Table clients = report.table("What the clients saw (" + setting + "). Each client sends one"
                        + " request; all of a level start together.",
                "clients", "design", "ok", "errors", "timeouts", "ok/s", "p50 ms", "p99 ms", "max ms");
        ScenarioReport.Table work = report.table("What each level got done (the same levels).",
                "clients", "design", "results delivered", "not delivered", "all done after s", "model calls",
                "model busy %", "work for clients who never knew");
        for (LevelResult r : results) {
            BurstResult b = r.burst();
            Latencies l = b.latencies();
            clients.row(r.clients(), r.design().label(), b.count(ClientOutcome.Kind.OK),
                    share(b, ClientOutcome.Kind.ERROR), share(b, ClientOutcome.Kind.TIMEOUT),
                    String.format(Locale.ROOT, "%.2f", b.okPerSecond()), Latencies.millis(l.percentileMillis(50)),
                    Latencies.millis(l.percentileMillis(99)), Latencies.millis(l.maxMillis()));
            work.row(r.clients(), r.design().label(), r.delivered(), r.clients() - r.delivered(),
                    r.doneNanos() < 0 ? "not within " + settings.drainBound(r.clients()).toSeconds() + " s"
                            : String.format(Locale.ROOT, "%.1f", r.doneNanos() / 1e9),
                    r.model() == null ? "–" : Integer.toString(r.model().calls()),
                    r.model() == null || r.doneNanos() < 0 ? "–" : String.format(Locale.ROOT, "%.0f",
                            r.model().busyPercent(settings.capacity(), r.doneNanos())),
                    r.unseenWork());
            if (!b.errorKinds().isEmpty()) {
                report.note("%s at %d clients, errors: %s", r.design().label(), r.clients(), b.errorKinds());
            }
        }
        notes(report, settings);
        results.stream().filter(r -> r.design() == LevelResult.Design.SLUICE && r.clients() == 1).findFirst()
                .ifPresent(one -> submissionCost(report, one));
        return report;
    }

    private static void notes(ScenarioReport report, AdmissionSettings settings) {
        report.note("Levels run in sequence from the smallest; within a level the old design goes first, then"
                + " Sluice, each starting with the model idle. One warm-up request per design runs before level 1.");
        report.note("Old design: an HTTP endpoint (a thread per request) that calls InvokeEndpoint on the model with"
                + " the AWS SDK and answers with the image when inference ends; its latency is the whole inference,"
                + " waiting for the model included. Sluice: POST /v1/jobs answers 202 once the job is stored and"
                + " queued; its latency is admission only, the image is fetched later.");
        report.note("ok/s: successful answers per second from the first request to the last answer or timeout."
                + " Percentiles are of the answered requests; a timeout (no answer within %d s, API Gateway's"
                + " limit) is counted, not timed.", settings.clientTimeout().toSeconds());
        report.note("All done after: old design, when the model finished the last call the endpoint made (answered"
                + " or not); Sluice, when the first poll (every %d ms) of the owner's unfinished tasks found none,"
                + " with every accepted job COMPLETED. Results delivered: old design, images its clients received;"
                + " Sluice, accepted jobs that reached COMPLETED within the bound (twice the model's slowest time"
                + " for the level plus %d s).", settings.poll().toMillis(), settings.drainGrace().toSeconds());
        report.note("Model calls: invocations the model simulator recorded in the level (retries included); model"
                + " busy: their summed inference time over capacity x all-done time (near 100%%: the model bounded"
                + " the level). Work for clients who never knew: old design, model calls that ended after their"
                + " client's timeout (the result is thrown away); Sluice, jobs stored for a client that got an error"
                + " or a timeout instead of a 202 (they run; a client that had sent an Idempotency-Key could retry"
                + " and get the same job).");
        double mean = settings.meanLatencyMillis();
        report.note("Bounds: the model serves %d calls at once, %.0f ms each on average, so neither design can"
                + " deliver more than about %.1f results/s; in the old design a client waits for every request"
                + " ahead of it at the model, so once more than about %d s x %d / %s s = %.0f clients wait, the"
                + " rest time out while the model still works through their calls.", settings.capacity(), mean,
                settings.capacity() * 1000 / mean, settings.clientTimeout().toSeconds(), settings.capacity(),
                String.valueOf(mean / 1000), settings.clientTimeout().toMillis() * settings.capacity() / mean);
        report.note("Bounds on Sluice's numbers: every submission and every task step is a request to moto (one"
                + " Python process that the local stack makes serve one request at a time, and that copies the"
                + " table on every transaction) or ElasticMQ; they share this machine's %d CPUs with the API, the"
                + " worker, the model simulator and the clients. When an AWS call waits longer than the API's 10 s"
                + " limit, the API answers 503.", Runtime.getRuntime().availableProcessors());
    }

    /** What one submission costs, from the 1-client level: the key to Sluice's admission numbers here. */
    private static void submissionCost(ScenarioReport report, LevelResult one) {
        report.note("A submission makes four DynamoDB requests (rate counter, active-jobs count, the job's"
                + " transaction, marking it queued) and one SQS send; alone it took %s ms. moto works through one"
                + " request at a time, so concurrent submissions queue there, behind each other and the worker's"
                + " task steps: that bounds Sluice's admission latency and rate on this machine (admission never"
                + " waits for the model).", Latencies.millis(one.burst().latencies().percentileMillis(50)));
    }

    /** "12 (4.7%)": how many clients, and what share of the level. */
    private static String share(BurstResult burst, ClientOutcome.Kind kind) {
        return String.format(Locale.ROOT, "%d (%.1f%%)", burst.count(kind), burst.percent(kind));
    }
}
