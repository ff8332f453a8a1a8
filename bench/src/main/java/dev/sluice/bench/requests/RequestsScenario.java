package dev.sluice.bench.requests;

import dev.sluice.bench.run.BenchRun;
import dev.sluice.bench.run.Scenario;
import dev.sluice.bench.run.ScenarioReport;
import dev.sluice.bench.stack.BenchStack;
import dev.sluice.devstack.AppProcess;
import dev.sluice.devstack.ProvisioningSettings;
import dev.sluice.modelsim.LatencySpec;
import dev.sluice.modelsim.ModelSimSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Issue item 3: every AWS request the API and one worker make for a task, counted by the apps' own
 * {@code sluice_aws_requests_total}, for short and for long tasks (heartbeats), priced at list prices.
 * Time-driven requests are measured apart, per idle minute, and kept out of the per-task numbers: the
 * API that serves the rounds runs without its queue monitor, a second API with defaults is watched
 * while idle.
 */
public final class RequestsScenario implements Scenario {
    /** Slots of the worker; the model serves as many at once, so no task waits for the model. */
    static final int CONCURRENCY = 8;
    private static final Duration READY = Duration.ofMinutes(3);

    /** Sizes: 40 short tasks is 5 rounds of the worker's slots; 8 long ones fill the slots once. */
    record Sizes(Duration idle, int shortTasks, long shortMillis, int longTasks, long longMillis) {
    }

    static final Sizes FULL = new Sizes(Duration.ofMinutes(2), 40, 1_000, CONCURRENCY, 120_000);
    /** Smoke run: a 12 s task still gets one heartbeat (every 10 s with the default 30 s lease). */
    static final Sizes QUICK = new Sizes(Duration.ofSeconds(3), 4, 1_000, 2, 12_000);

    @Override
    public String name() {
        return "requests";
    }

    @Override
    public String description() {
        return "AWS requests and list-price dollars per task (1 s and 120 s tasks), idle cost apart";
    }

    @Override
    public ScenarioReport run(BenchRun run) throws Exception {
        Sizes sizes = run.quick() ? QUICK : FULL;
        ModelSimSettings model = ModelSimSettings.defaults().withLatency(new LatencySpec.Fixed(sizes.shortMillis()))
                .withMaxConcurrency(CONCURRENCY);
        try (BenchStack stack = BenchStack.start(run, model, ProvisioningSettings.defaults())) {
            run.say("starting two APIs (one idle with its monitor, one without) and a worker ...");
            AppProcess idleApi = stack.launch("api", "api-idle", Map.of());
            AppProcess api = stack.launch("api", "api", Map.of("SLUICE_MONITOR_ENABLED", "false"));
            AppProcess worker = stack.launch("worker", "worker",
                    Map.of("SLUICE_WORKER_CONCURRENCY", Integer.toString(CONCURRENCY)));
            for (AppProcess app : new AppProcess[] {idleApi, api, worker}) {
                app.awaitReady(READY);
            }
            JobsClient client = new JobsClient(api.uri(), stack.apiKey("bench-requests"));
            // Caches (the API key), connection pools and the JIT warm up outside every measurement.
            TaskRound.run("warm-up", 1, client, api, worker, timeout(1, sizes.shortMillis()));

            run.say("idle for %ds ...", sizes.idle().toSeconds());
            Map<String, AppProcess> watched = new LinkedHashMap<>();
            watched.put("api (monitor on)", idleApi);
            watched.put("worker", worker);
            Map<String, AppProcess> probed = new LinkedHashMap<>();
            probed.put("api", api);
            probed.put("worker", worker);
            IdleCost idle = IdleCost.measure(watched, probed, sizes.idle());
            idleApi.stop(Duration.ofSeconds(20));

            String shortLabel = seconds(sizes.shortMillis()) + " tasks";
            run.say("%d %s ...", sizes.shortTasks(), shortLabel);
            TaskRound shortTasks = TaskRound.run(shortLabel, sizes.shortTasks(), client, api, worker,
                    timeout(sizes.shortTasks(), sizes.shortMillis()));
            StatusReads reads = StatusReads.measure(api, client, shortTasks.jobIds());

            stack.devStack().modelSimClient().setLatency(new LatencySpec.Fixed(sizes.longMillis()));
            String longLabel = seconds(sizes.longMillis()) + " tasks";
            run.say("%d %s ...", sizes.longTasks(), longLabel);
            TaskRound longTasks = TaskRound.run(longLabel, sizes.longTasks(), client, api, worker,
                    timeout(sizes.longTasks(), sizes.longMillis()));
            // Measured: its graceful stop would only wait out the long poll in flight.
            worker.kill();

            ScenarioReport report = RequestsReport.build(shortTasks, longTasks, reads, idle);
            notes(report, sizes, shortTasks, longTasks, idle);
            return report;
        }
    }

    private static void notes(ScenarioReport report, Sizes sizes, TaskRound shortTasks, TaskRound longTasks,
                              IdleCost idle) {
        report.note("Settings: one API and one worker process (concurrency %d; production defaults otherwise: lease"
                + " TTL 30 s so a heartbeat every 10 s, SQS long poll 20 s), model latency fixed, model capacity %d."
                + " Tasks submitted one after the other, each an image job with its own Idempotency-Key.",
                CONCURRENCY, CONCURRENCY);
        for (TaskRound round : new TaskRound[] {shortTasks, longTasks}) {
            report.note("%s: %d tasks, first submission to last completion %.1f s.", round.label(), round.tasks(),
                    round.elapsed().toMillis() / 1000.0);
        }
        report.note("Per-task numbers are every request of both apps from the first submission to the last"
                + " completion, divided by the tasks; they include the worker's receives that came back empty while"
                + " it had free slots. The API serving them runs with SLUICE_MONITOR_ENABLED=false; its monitor's"
                + " reads are in the idle table, measured on a second API with defaults over %d s.",
                idle.window().toSeconds());
        report.note("DynamoDB units are assumed, not measured: items under 1 KB, the submission's transaction"
                + " writes %d items, reads are priced at 1 RRU (an upper bound: eventually consistent reads cost"
                + " half). Writes are a lower bound: a write to an indexed item also writes its global secondary"
                + " indexes (1 WRU each, 2 when it moves an index key; a task's lease changes and heartbeats move"
                + " gsi2's keys), which no request count shows.", PriceList.TRANSACTION_ITEMS);
        report.note("Counts are what the apps send, independent of the emulators' speed (ElasticMQ, moto); a"
                + " request the emulators failed would show up as a retry. Not counted: the reaper (a CronJob, per"
                + " run, not per task), the client's S3 GET of an output through its presigned URL.");
    }

    private static Duration timeout(int tasks, long latencyMillis) {
        long waves = (tasks + CONCURRENCY - 1) / CONCURRENCY;
        return Duration.ofMillis(waves * latencyMillis).plusMinutes(2);
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format("%.1f s", millis / 1000.0);
    }
}
