package dev.sluice.chaos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.devstack.AppProcess;
import dev.sluice.devstack.DevStack;
import dev.sluice.devstack.ProvisioningSettings;
import dev.sluice.localaws.LocalAws;
import dev.sluice.localaws.LocalAwsConfig;
import dev.sluice.localaws.LocalPorts;
import dev.sluice.modelsim.FailureKind;
import dev.sluice.modelsim.FailureRates;
import dev.sluice.modelsim.FaultRule;
import dev.sluice.modelsim.InvocationRecord;
import dev.sluice.modelsim.ModelSim;
import dev.sluice.modelsim.ModelSimSettings;
import dev.sluice.modelsim.S3Settings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One chaos run, start to verdict. The local servers and the model simulator run in this JVM; the API,
 * every worker and the reaper run as separate processes from their packaged builds, configured only by
 * environment, as in a container. SQS and DynamoDB are reached through {@link OutageProxy}s so they can
 * be taken away and brought back with their state; S3 and the model are reached directly.
 *
 * <p>Order: start everything, submit while the scenario plays (kills, pause, outages), wait for the
 * tasks to settle, stop the chaos, snapshot the DLQ, run the reaper (twice if the first pass leaves
 * work), stop the apps, collect the evidence and judge the invariants.
 */
public final class Harness {
    private static final Duration APP_READY = Duration.ofSeconds(180);
    private static final Duration AFTER_REAPER_WAIT = Duration.ofMinutes(2);
    private static final Duration FINAL_DRAIN = Duration.ofSeconds(60);
    private static final int MAX_REAPER_PASSES = 4;

    private final ChaosOptions options;
    private final Path root;
    private final PrintStream progress;
    private final Resources current = new Resources();

    public Harness(ChaosOptions options, Path root, PrintStream progress) {
        this.options = options;
        this.root = root;
        this.progress = progress;
    }

    /** Default log directory of a run: under {@code .local/}, which is git-ignored. */
    public static Path defaultLogs(Path root, long seed) {
        String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return root.resolve(".local/chaos/run-" + time + "-" + Long.toUnsignedString(seed, 36));
    }

    public FinalReport run() {
        Path logs = options.logs() != null ? options.logs() : defaultLogs(root, options.seed());
        try {
            prepareLogDirectory(logs);
        } catch (IOException | IllegalStateException e) {
            return FinalReport.error(options.seed(), "cannot use " + logs + ": " + e.getMessage(), logs);
        }
        Scenario scenario = Scenario.from(options);
        Resources resources = current;
        try {
            return run(scenario, logs, resources);
        } catch (RuntimeException e) {
            progress.println("chaos: harness error: " + e);
            return FinalReport.error(options.seed(), e.toString(), logs);
        } finally {
            resources.close();
        }
    }

    private FinalReport run(Scenario scenario, Path logs, Resources r) {
        long runStart = System.nanoTime();
        String runId = Long.toUnsignedString(scenario.seed(), 36);
        progress.printf("chaos: seed %d, %d tasks (%d poison), %d workers, logs in %s%n", scenario.seed(),
                scenario.tasks().size(), options.poison(), options.workers(), logs);

        r.apps = AppSnapshot.take(root, logs.resolve("apps"), "api", "worker", "reaper");
        progress.println("chaos: starting ElasticMQ, moto and the model simulator ...");
        r.aws = LocalAws.start(LocalAwsConfig.defaults().withLogDirectory(logs));
        r.modelSim = ModelSim.start(ModelSimSettings.defaults().withPort(0)
                .withLatency(options.modelLatency())
                .withFailureRates(FailureRates.none().withTransientRate(options.transientRate()))
                .withSeed(scenario.modelSeed())
                .withFault(FaultRule.always(TaskKind.POISON_PERMANENT.marker(), FailureKind.MODEL_4XX))
                .withFault(FaultRule.always(TaskKind.POISON_TRANSIENT.marker(), FailureKind.MODEL_5XX))
                .withS3(S3Settings.fromEnvironment().withEndpointOverride(r.aws.endpoints().s3())
                        .withForcePathStyle(true).withRegion(r.aws.region())));
        // Default provisioning: the bucket is versioned, which the output check relies on.
        DevStack stack = DevStack.start(r.aws, r.modelSim,
                ProvisioningSettings.defaults().withMaxReceiveCount(options.maxReceives()));
        r.sqsProxy = OutageProxy.start("sqs", r.aws.sqs().port());
        r.dynamoProxy = OutageProxy.start("dynamodb", r.aws.moto().port());

        Map<String, String> env = appEnvironment(stack, r.sqsProxy, r.dynamoProxy);
        Timeline timeline = new Timeline();
        progress.printf("chaos: starting the API and %d workers ...%n", options.workers());
        r.api = AppProcess.start("api", r.apps.jar("api"), LocalPorts.free(), env, logs.resolve("api.log"),
                WorkerFleet.JVM_OPTIONS);
        r.fleet = new WorkerFleet(r.apps.jar("worker"), env, logs, timeline, progress);
        r.fleet.start(options.workers());
        r.api.awaitReady(APP_READY);

        TaskTable tasks = new TaskTable(stack.clients().dynamo(), stack.resources().table());
        QueueInspector queues = new QueueInspector(stack.clients().sqs(), stack.resources().queueUrl(),
                stack.resources().dlqUrl());
        Submitter submitter = new Submitter(r.api.uri(), stack.createApiKey("chaos"), runId, scenario);
        r.submitter = submitter;
        r.director = new ChaosDirector(scenario, r.fleet, tasks, queues, submitter::isDone,
                options.workers() * options.concurrency(), r.sqsProxy, r.dynamoProxy, timeline, progress);
        Settling settling = new Settling(tasks, queues, submitter::isDone,
                () -> String.format("accepted %d/%d kills %d", submitter.accepted(), scenario.tasks().size(),
                        timeline.kills().size()), timeline, progress);

        progress.println("chaos: submitting; chaos begins");
        timeline.begin();
        long deadline = System.nanoTime() + options.timeout().toNanos();
        submitter.start(options.timeout());
        r.director.start();
        Duration stallGrace = max(Duration.ofSeconds(30), options.leaseTtl().multipliedBy(10));
        Settling.Result settled = settling.await(deadline, stallGrace);
        r.director.stop();
        progress.printf("chaos: t=%ds settled=%s; chaos stopped%n", timeline.secondsIntoRun(System.nanoTime()),
                settled.settled());

        // The DLQ as the workers left it: the reaper may consume it.
        DeadLetters dlqBefore = queues.peekDlq();
        List<ReaperRun> reaper = new ArrayList<>();
        Map<String, String> reaperEnv = reaperEnvironment(env);
        reaper.add(reaper(1, r.apps, reaperEnv, logs));
        // Like the CronJob: again while tasks are unfinished (requeued from the DLQ, or dead-lettered again).
        while (reaper.size() < MAX_REAPER_PASSES && !tasks.unfinished().isEmpty()) {
            settling.await(System.nanoTime() + AFTER_REAPER_WAIT.toNanos(), stallGrace);
            reaper.add(reaper(reaper.size() + 1, r.apps, reaperEnv, logs));
        }
        settling.await(System.nanoTime() + FINAL_DRAIN.toNanos(), Duration.ofSeconds(15));

        submitter.stop();
        progress.println("chaos: stopping the API and workers ...");
        r.fleet.close();
        r.api.stop(Duration.ofSeconds(15));

        progress.println("chaos: collecting evidence ...");
        List<Path> workerLogs = r.fleet.everyGeneration().stream().map(w -> w.process().log()).toList();
        List<InvocationRecord> audit = r.modelSim.client().invocations();
        saveAudit(audit, logs.resolve("model-audit.jsonl"), timeline);
        Evidence evidence = new Evidence(scenario, tasks.all(),
                OutputVersions.read(stack.clients().s3(), stack.resources().bucket()),
                WorkerLogs.read(workerLogs),
                AuditAnalysis.of(audit, timeline, options.leaseTtl()),
                queues.queue(), dlqBefore, queues.peekDlq());
        List<InvariantCheck> checks = Invariants.check(evidence);
        int takenOver = takenOver(timeline, evidence.tasks());
        long duration = (System.nanoTime() - runStart) / 1_000_000_000L;
        return FinalReport.of(new FinalReport.Run(options, scenario, duration, timeline,
                r.fleet.generationsStarted(), r.director.pauseProblem().orElse(null), takenOver, r.sqsProxy.connections(),
                r.dynamoProxy.connections(), submitter.stats(), settled, reaper, checks, logs));
    }

    /**
     * An empty directory for this run's logs. Logs are appended to (a worker's log must survive its
     * process), so a directory reused from an earlier run is emptied first, but only if the marker file
     * says it was a chaos run's: {@code --logs} pointing at anything else is refused, never emptied.
     */
    private static void prepareLogDirectory(Path logs) throws IOException {
        Path marker = logs.resolve(".chaos-run");
        if (Files.isDirectory(logs)) {
            boolean empty;
            try (var entries = Files.list(logs)) {
                empty = entries.findAny().isEmpty();
            }
            if (!empty && !Files.exists(marker)) {
                throw new IllegalStateException("not empty and not an earlier chaos run's log directory");
            }
            try (var entries = Files.walk(logs)) {
                entries.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(logs))
                        .forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(logs);
        Files.writeString(marker, "logs of one ./chaos.sh run; the next run with --logs here empties this directory\n");
    }

    /**
     * What every app process gets: the stack's standard SDK variables with SQS and DynamoDB pointed at
     * the proxies, and short worker timings so a run of minutes sees many heartbeats, retries and expiries.
     */
    private Map<String, String> appEnvironment(DevStack stack, OutageProxy sqs, OutageProxy dynamo) {
        Map<String, String> env = new HashMap<>(stack.environment());
        env.put("AWS_ENDPOINT_URL_SQS", sqs.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint().toString());
        env.put("SLUICE_WORKER_LEASE_TTL", options.leaseTtl().toMillis() + "ms");
        env.put("SLUICE_WORKER_CONCURRENCY", Integer.toString(options.concurrency()));
        env.put("SLUICE_WORKER_WAIT_TIME", "1s");
        env.put("SLUICE_WORKER_BACKOFF_BASE", "200ms");
        env.put("SLUICE_WORKER_BACKOFF_MAX", "1s");
        env.put("SLUICE_WORKER_DRAIN_TIMEOUT", "5s");
        env.put("SLUICE_MODEL_TIMEOUT", "60s");
        // One key submits every task at once: the API's per-client limits are not what a run exercises.
        env.put("SLUICE_LIMITS_ACTIVE_JOBS", Integer.toString(Math.max(100, options.tasks())));
        env.put("SLUICE_LIMITS_RATE_REQUESTS", "1000000");
        return env;
    }

    /**
     * The reaper's thresholds are sized for a CronJob every few minutes (stuck PENDING after 15 min,
     * outputs of FAILED tasks deleted after 6 h); a run lasts minutes, so they shrink in proportion to
     * the workers' timings: still longer than the longest retry backoff and several lease TTLs.
     */
    private Map<String, String> reaperEnvironment(Map<String, String> appEnvironment) {
        Map<String, String> env = new HashMap<>(appEnvironment);
        Duration confirm = max(Duration.ofSeconds(10), options.leaseTtl().multipliedBy(3));
        env.put("SLUICE_REAPER_LEASES_CONFIRM_AFTER", confirm.toMillis() + "ms");
        env.put("SLUICE_REAPER_LEASES_SECOND_LOOK", confirm.toMillis() + "ms");
        env.put("SLUICE_REAPER_PENDING_THRESHOLD", "20s");
        env.put("SLUICE_REAPER_ORPHANS_OUTPUT_GRACE", "0s");
        // ElasticMQ answers exactly: no long poll needed to see every DLQ message.
        env.put("SLUICE_REAPER_DLQ_RECEIVE_WAIT", "0s");
        return env;
    }

    private ReaperRun reaper(int pass, AppSnapshot apps, Map<String, String> env, Path logs) {
        progress.printf("chaos: reaper pass %d ...%n", pass);
        ReaperRun run = ReaperRun.run(pass, apps.jar("reaper"), env, logs.resolve("reaper-" + pass + ".log"));
        progress.printf("chaos: reaper pass %d exit %d summary %s%n", pass, run.exitCode(), run.summary());
        return run;
    }

    /**
     * The simulator's audit, one invocation per line, kept with the logs so an overlap verdict can be
     * checked by hand. {@code startNanos}/{@code endNanos} are rebased to the run's start.
     */
    private static void saveAudit(List<InvocationRecord> audit, Path file, Timeline timeline) {
        try (var out = Files.newBufferedWriter(file)) {
            for (InvocationRecord record : audit) {
                ObjectNode node = Json.MAPPER.valueToTree(record);
                node.put("startMillisIntoRun", (record.startNanos() - timeline.startNanos()) / 1_000_000);
                node.put("endMillisIntoRun", (record.endNanos() - timeline.startNanos()) / 1_000_000);
                out.write(node.toString());
                out.newLine();
            }
        } catch (IOException e) {
            // Evidence for people, not for the verdict.
        }
    }

    /** How many of the paused worker's leases another worker acquired meanwhile (the final token is higher). */
    private static int takenOver(Timeline timeline, List<TaskRecord> tasks) {
        int count = 0;
        for (Timeline.Pause pause : timeline.pauses()) {
            for (TaskRecord task : tasks) {
                Long token = pause.heldTasks().get(task.taskId());
                if (token != null && task.fencingToken() > token) {
                    count++;
                }
            }
        }
        return count;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Ends the run from outside (Ctrl-C, SIGTERM): every process it started is stopped. */
    public void abort() {
        current.close();
    }

    /** Everything a run starts, stopped in reverse order whatever happened. Closing twice is harmless. */
    private static final class Resources implements AutoCloseable {
        AppSnapshot apps;
        LocalAws aws;
        ModelSim modelSim;
        OutageProxy sqsProxy;
        OutageProxy dynamoProxy;
        AppProcess api;
        WorkerFleet fleet;
        Submitter submitter;
        ChaosDirector director;

        @Override
        public void close() {
            quietly(() -> director.stop(), director);
            quietly(() -> submitter.stop(), submitter);
            quietly(() -> fleet.close(), fleet);
            quietly(() -> api.stop(Duration.ofSeconds(10)), api);
            quietly(() -> sqsProxy.close(), sqsProxy);
            quietly(() -> dynamoProxy.close(), dynamoProxy);
            quietly(() -> modelSim.stop(), modelSim);
            quietly(() -> aws.close(), aws);
            quietly(() -> apps.close(), apps);
        }

        private static void quietly(Runnable action, Object resource) {
            if (resource == null) {
                return;
            }
            try {
                action.run();
            } catch (RuntimeException e) {
                // Shutting down after a run: the run's own result is what matters.
            }
        }
    }
}
