package dev.sluice.devstack;

import dev.sluice.localaws.LocalAws;
import dev.sluice.localaws.LocalAwsConfig;
import dev.sluice.localaws.ProjectRoot;
import dev.sluice.modelsim.LatencySpec;
import dev.sluice.modelsim.ModelSim;
import dev.sluice.modelsim.ModelSimSettings;
import dev.sluice.modelsim.S3Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run-local.sh}: the whole system on this machine. Local AWS servers and the model simulator
 * run in this JVM; the API and the workers run as separate processes from their packaged builds,
 * configured only by environment, as in a container.
 */
public final class LocalRunner {
    /** Owner of the dev API key and the demo's jobs. */
    private static final String OWNER = "local";
    private final LocalRunnerOptions options;
    private final Path root;
    private final List<AppProcess> apps = new ArrayList<>();
    private LocalAws aws;
    private ModelSim modelSim;
    /** The dev API key created at start-up (owner {@code local}), printed in the banner. */
    private String devKey;

    private LocalRunner(LocalRunnerOptions options, Path root) {
        this.options = options;
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        LocalRunnerOptions options;
        try {
            options = LocalRunnerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("run-local: " + e.getMessage());
            System.err.println(LocalRunnerOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LocalRunnerOptions.USAGE);
            return;
        }
        Path root = ProjectRoot.fromWorkingDirectory()
                .orElseThrow(() -> new IllegalStateException("run from inside the Sluice checkout"));
        LocalRunner runner = new LocalRunner(options, root);
        Runtime.getRuntime().addShutdownHook(new Thread(runner::stop, "run-local-shutdown"));
        int exit;
        try {
            DevStack stack = runner.start();
            if (options.demo()) {
                boolean ok = new Demo(runner.apps.get(0).uri(), stack, OWNER, runner.devKey, System.out).run();
                System.out.println(ok ? "demo: both jobs COMPLETED" : "demo: FAILED (logs in .local/logs)");
                exit = ok ? 0 : 1;
            } else {
                System.out.println("Press Ctrl-C to stop everything.");
                new CountDownLatch(1).await();
                exit = 0;
            }
        } catch (RuntimeException e) {
            System.err.println("run-local: " + e.getMessage());
            exit = 1;
        }
        System.exit(exit);
    }

    private DevStack start() throws Exception {
        Path logs = root.resolve(".local/logs");
        Files.createDirectories(logs);
        for (Path old : (Iterable<Path>) Files.list(logs)::iterator) {
            Files.deleteIfExists(old);
        }
        System.out.println("Starting ElasticMQ and moto (first run installs moto into .venv) ...");
        aws = LocalAws.start(LocalAwsConfig.defaults().withSqsPort(options.sqsPort())
                .withMotoPort(options.motoPort()).withLogDirectory(logs));
        modelSim = ModelSim.start(ModelSimSettings.defaults().withPort(options.modelPort())
                .withLatency(LatencySpec.parse(options.modelLatency()))
                .withS3(S3Settings.fromEnvironment().withEndpointOverride(aws.endpoints().s3())
                        .withForcePathStyle(true).withRegion(aws.region())));
        DevStack stack = DevStack.start(aws, modelSim, ProvisioningSettings.defaults());
        devKey = stack.createApiKey(OWNER);

        Map<String, String> env = new HashMap<>(stack.environment());
        env.put("QUARKUS_PROFILE", "dev");
        apps.add(AppProcess.start("api", jar("api"), options.apiPort(), env, logs.resolve("api.log"), List.of()));
        for (int i = 1; i <= options.workers(); i++) {
            Map<String, String> workerEnv = new HashMap<>(env);
            workerEnv.put("SLUICE_WORKER_ID", "worker-" + i);
            apps.add(AppProcess.start("worker-" + i, jar("worker"), options.apiPort() + i, workerEnv,
                    logs.resolve("worker-" + i + ".log"), List.of()));
        }
        for (AppProcess app : apps) {
            app.awaitReady(Duration.ofSeconds(90));
        }
        printWhere(stack, logs);
        return stack;
    }

    private Path jar(String module) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private void printWhere(DevStack stack, Path logs) {
        System.out.println();
        System.out.printf("  %-12s %s%n", "API", apps.get(0).uri() + "  (POST /v1/jobs, GET /v1/jobs/{id})");
        for (AppProcess worker : apps.subList(1, apps.size())) {
            System.out.printf("  %-12s pid %d, health %s/q/health%n", worker.name(), worker.pid(), worker.uri());
        }
        System.out.printf("  %-12s %s%n", "model-sim", modelSim.uri() + "  (admin: /admin/config, /admin/invocations)");
        System.out.printf("  %-12s %s  queue %s, DLQ %s%n", "SQS", aws.endpoints().sqs(),
                stack.resources().queueName(), stack.resources().dlqName());
        System.out.printf("  %-12s %s  table %s, bucket %s%n", "DynamoDB/S3", aws.endpoints().moto(),
                stack.resources().table(), stack.resources().bucket());
        System.out.printf("  %-12s %s%n", "logs", logs);
        System.out.printf("  %-12s %s  (owner %s, jobs:read+jobs:write; shown only here)%n", "API key", devKey, OWNER);
        System.out.printf("  %-12s export SLUICE_KEY=%s%n", "", devKey);
        System.out.println();
    }

    private synchronized void stop() {
        if (aws == null) {
            return;
        }
        System.out.println("Stopping the API, workers, model simulator and local AWS servers ...");
        for (AppProcess app : apps) {
            app.stop(Duration.ofSeconds(20));
        }
        apps.clear();
        if (modelSim != null) {
            modelSim.stop();
            modelSim = null;
        }
        aws.close();
        aws = null;
        System.out.println("Stopped.");
    }
}
