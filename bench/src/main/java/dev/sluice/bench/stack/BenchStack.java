package dev.sluice.bench.stack;

import dev.sluice.bench.run.BenchRun;
import dev.sluice.devstack.AppProcess;
import dev.sluice.devstack.DevStack;
import dev.sluice.devstack.ProvisioningSettings;
import dev.sluice.localaws.LocalAws;
import dev.sluice.localaws.LocalAwsConfig;
import dev.sluice.localaws.LocalPorts;
import dev.sluice.modelsim.ModelSim;
import dev.sluice.modelsim.ModelSimSettings;
import dev.sluice.modelsim.S3Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The servers a scenario measures against: ElasticMQ and moto as processes, the model simulator in this
 * JVM, fresh resources, and the packaged API and workers started as processes configured only by
 * environment (as in a container). Closing stops every process it started, then the servers.
 */
public final class BenchStack implements AutoCloseable {
    /** Small heaps and the C1 compiler, as the chaos harness uses: several JVMs share 2 cores. */
    public static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    private static final Duration READY = Duration.ofSeconds(180);

    private final BenchRun run;
    private final LocalAws aws;
    private final ModelSim modelSim;
    private final DevStack stack;
    private final List<AppProcess> apps = new ArrayList<>();

    private BenchStack(BenchRun run, LocalAws aws, ModelSim modelSim, DevStack stack) {
        this.run = run;
        this.aws = aws;
        this.modelSim = modelSim;
        this.stack = stack;
    }

    /**
     * Starts the servers with {@code model} as the simulator's settings (latency, capacity; port and S3
     * are set here) and {@code provisioning} for the queue and table.
     */
    public static BenchStack start(BenchRun run, ModelSimSettings model, ProvisioningSettings provisioning) {
        run.say("starting ElasticMQ, moto and the model simulator ...");
        LocalAws aws = LocalAws.start(LocalAwsConfig.defaults().withLogDirectory(run.logs()));
        ModelSim sim = ModelSim.start(model.withPort(0).withS3(S3Settings.fromEnvironment()
                .withEndpointOverride(aws.endpoints().s3()).withForcePathStyle(true).withRegion(aws.region())));
        return new BenchStack(run, aws, sim, DevStack.start(aws, sim, provisioning));
    }

    public DevStack devStack() {
        return stack;
    }

    public ModelSim modelSim() {
        return modelSim;
    }

    /**
     * The environment every app gets: endpoints, resources, and limits lifted (one key submits every
     * task: the API's per-client limits are not what a benchmark measures).
     */
    public Map<String, String> appEnvironment() {
        Map<String, String> env = new HashMap<>(stack.environment());
        env.put("SLUICE_LIMITS_ACTIVE_JOBS", "1000000");
        env.put("SLUICE_LIMITS_RATE_REQUESTS", "100000000");
        return env;
    }

    /** Starts the packaged API with {@link #appEnvironment()} plus {@code extra}; returns once it is ready. */
    public AppProcess startApi(String name, Map<String, String> extra) {
        return startApp("api", name, extra);
    }

    /** Starts one packaged worker process with {@link #appEnvironment()} plus {@code extra}; returns once ready. */
    public AppProcess startWorker(String name, Map<String, String> extra) {
        return startApp("worker", name, extra);
    }

    /** Starts {@code module}'s packaged app without waiting for it; see {@link AppProcess#awaitReady}. */
    public AppProcess launch(String module, String name, Map<String, String> extra) {
        Map<String, String> env = appEnvironment();
        env.putAll(extra);
        AppProcess app = AppProcess.start(name, run.appJar(module), LocalPorts.free(), env,
                run.logs().resolve(name + ".log"), JVM_OPTIONS);
        synchronized (apps) {
            apps.add(app);
        }
        return app;
    }

    private AppProcess startApp(String module, String name, Map<String, String> extra) {
        return launch(module, name, extra).awaitReady(READY);
    }

    /** A new API key (jobs:read, jobs:write) for {@code ownerId}. */
    public String apiKey(String ownerId) {
        return stack.createApiKey(ownerId);
    }

    @Override
    public void close() {
        synchronized (apps) {
            apps.forEach(app -> app.stop(Duration.ofSeconds(20)));
            apps.clear();
        }
        modelSim.close();
        aws.close();
    }
}
