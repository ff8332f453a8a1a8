package dev.sluice.bench.startup;

import dev.sluice.bench.requests.JobsClient;
import dev.sluice.bench.requests.WorkerOutcomes;
import dev.sluice.bench.run.BenchRun;
import dev.sluice.bench.run.Scenario;
import dev.sluice.bench.run.ScenarioReport;
import dev.sluice.bench.stack.BenchStack;
import dev.sluice.devstack.AppProcess;
import dev.sluice.devstack.ProvisioningSettings;
import dev.sluice.localaws.LocalPorts;
import dev.sluice.modelsim.ModelSimSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue item 5: how long the packaged API and worker take from process start to ready, and how much
 * memory they hold then and after a little work. Each repetition starts the API alone, then the worker
 * next to the idle API, then pushes a few jobs through both; the apps run against the local servers,
 * so their readiness checks reach real (emulated) AWS endpoints.
 */
public final class StartupScenario implements Scenario {
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(3);

    /** Sizes: 3 starts give a median; the load is enough to load the classes of a task's whole path. */
    record Sizes(int starts, List<JvmFlags> flags, int loadTasks) {
    }

    static final Sizes FULL = new Sizes(3, List.of(JvmFlags.BENCH, JvmFlags.DEFAULTS), 100);
    static final Sizes QUICK = new Sizes(1, List.of(JvmFlags.BENCH), 5);

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public String description() {
        return "time to ready and resident memory of the packaged API and worker";
    }

    @Override
    public ScenarioReport run(BenchRun run) throws Exception {
        Sizes sizes = run.quick() ? QUICK : FULL;
        List<StartupSample> samples = new ArrayList<>();
        try (BenchStack stack = BenchStack.start(run, ModelSimSettings.defaults(), ProvisioningSettings.defaults())) {
            String key = stack.apiKey("bench-startup");
            for (JvmFlags flags : sizes.flags()) {
                for (int i = 1; i <= sizes.starts(); i++) {
                    run.say("start %d/%d with %s ...", i, sizes.starts(), flags.label());
                    samples.addAll(startBoth(run, stack, flags, i, key, sizes.loadTasks()));
                }
            }
        }
        ScenarioReport report = StartupReport.build(samples, sizes.loadTasks());
        report.note("Machine: %s. \"JVM defaults\" leaves GC and heap to the JVM's ergonomics (on 2+ CPUs and"
                + " 2+ GB: G1, max heap 1/4 of RAM).", StartupReport.machine());
        report.note("Time to ready: process spawn to the first 200 from /q/health/ready (polled every 20 ms), the"
                + " JVM's own start included. Quarkus's \"started in\" leaves out the JVM's start and, for the API,"
                + " its first readiness check: DynamoDB, SQS and S3 calls, the SDK's first requests.");
        report.note("RSS: VmRSS from /proc/<pid>/status, right after ready and after %d image jobs went through"
                + " the API and the worker (zero-latency model). The API is started alone, the worker next to the"
                + " idle API; the servers (ElasticMQ, moto) and the model simulator run on the same 2 CPUs.",
                sizes.loadTasks());
        return report;
    }

    private static List<StartupSample> startBoth(BenchRun run, BenchStack stack, JvmFlags flags, int index, String key,
                                                 int loadTasks) throws InterruptedException {
        String suffix = (flags == JvmFlags.DEFAULTS ? "-defaults-" : "-bench-") + index;
        TimedStart api = TimedStart.of(log(run, "api" + suffix),
                () -> launch(run, stack, "api", "api" + suffix, flags));
        try {
            double apiReadyRss = ProcessMemory.residentMiB(api.app().pid());
            TimedStart worker = TimedStart.of(log(run, "worker" + suffix),
                    () -> launch(run, stack, "worker", "worker" + suffix, flags));
            try {
                double workerReadyRss = ProcessMemory.residentMiB(worker.app().pid());
                WorkerOutcomes before = WorkerOutcomes.of(worker.app());
                JobsClient client = new JobsClient(api.app().uri(), key);
                for (int i = 0; i < loadTasks; i++) {
                    client.submit("bench startup " + suffix + " #" + i);
                }
                WorkerOutcomes.awaitEventuallyCompleted(worker.app(), before, loadTasks, LOAD_TIMEOUT);
                return List.of(
                        new StartupSample("api", flags, api.readyMillis(), api.startedInMillis(), apiReadyRss,
                                ProcessMemory.residentMiB(api.app().pid())),
                        new StartupSample("worker", flags, worker.readyMillis(), worker.startedInMillis(),
                                workerReadyRss, ProcessMemory.residentMiB(worker.app().pid())));
            } finally {
                // Measured: a graceful stop would only wait out the worker's long poll.
                worker.app().kill();
            }
        } finally {
            api.app().stop(Duration.ofSeconds(10));
        }
    }

    private static AppProcess launch(BenchRun run, BenchStack stack, String module, String name, JvmFlags flags) {
        return AppProcess.start(name, run.appJar(module), LocalPorts.free(), stack.appEnvironment(), log(run, name),
                flags.options());
    }

    /** Appended to when a run reuses a log directory: {@link TimedStart} reads only its own start's lines. */
    private static Path log(BenchRun run, String name) {
        return run.logs().resolve(name + ".log");
    }
}
