package dev.sluice.e2e;

import dev.sluice.devstack.AppProcess;
import dev.sluice.devstack.DevStack;
import dev.sluice.localaws.ProjectRoot;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged API and two workers as separate processes, configured only through the SDK's standard
 * environment variables and SLUICE_* settings, against the shared local stack of this JVM.
 */
final class RunningSystem implements AutoCloseable {
    private static RunningSystem shared;

    private final DevStack stack;
    private String apiKey;
    private final AppProcess api;
    private final List<AppProcess> workers;
    private final OtlpCollector collector;
    private final Map<String, String> environment;

    private RunningSystem(DevStack stack, AppProcess api, List<AppProcess> workers, OtlpCollector collector,
                          Map<String, String> environment) {
        this.stack = stack;
        this.api = api;
        this.workers = workers;
        this.collector = collector;
        this.environment = Map.copyOf(environment);
    }

    static synchronized RunningSystem shared() {
        if (shared == null) {
            shared = start(2);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "e2e-shutdown"));
        }
        return shared;
    }

    private static RunningSystem start(int workerCount) {
        DevStack stack = DevStack.shared();
        Path root = ProjectRoot.fromWorkingDirectory().orElseThrow();
        Path logs = root.resolve("e2e/target/e2e-logs");
        Map<String, String> env = new HashMap<>(stack.environment());
        env.put("SLUICE_WORKER_LEASE_TTL", "3s");
        env.put("SLUICE_WORKER_WAIT_TIME", "2s");
        env.put("SLUICE_WORKER_BACKOFF_BASE", "200ms");
        env.put("SLUICE_WORKER_BACKOFF_MAX", "1s");
        env.put("SLUICE_MONITOR_INTERVAL", "1s");
        // Tracing on, exported to this JVM's collector: what a deployment does with a real collector.
        OtlpCollector collector = OtlpCollector.start();
        env.put("QUARKUS_OTEL_SDK_DISABLED", "false");
        env.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", collector.tracesEndpoint().toString());
        env.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf");
        env.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
        List<String> jvm = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1");
        // Only the API hashes numbers (invitations); the worker has no such setting.
        Map<String, String> apiEnv = new HashMap<>(env);
        apiEnv.put("SLUICE_INVITATIONS_PHONE_HASH_KEY", "e2e-only-phone-hash-key");
        AppProcess api = AppProcess.start("api", root.resolve("api/target/quarkus-app/quarkus-run.jar"), freePort(),
                apiEnv, logs.resolve("api.log"), jvm);
        List<AppProcess> workers = new ArrayList<>();
        for (int i = 1; i <= workerCount; i++) {
            Map<String, String> workerEnv = new HashMap<>(env);
            workerEnv.put("SLUICE_WORKER_ID", "e2e-worker-" + i);
            workers.add(AppProcess.start("worker-" + i, root.resolve("worker/target/quarkus-app/quarkus-run.jar"),
                    freePort(), workerEnv, logs.resolve("worker-" + i + ".log"), jvm));
        }
        api.awaitReady(Duration.ofSeconds(120));
        workers.forEach(w -> w.awaitReady(Duration.ofSeconds(120)));
        return new RunningSystem(stack, api, workers, collector, env);
    }

    DevStack stack() {
        return stack;
    }

    /** An API key of owner {@code local} (jobs:read, jobs:write), created in the table once per run. */
    synchronized String apiKey() {
        if (apiKey == null) {
            apiKey = stack.createApiKey("local");
        }
        return apiKey;
    }

    AppProcess api() {
        return api;
    }

    List<AppProcess> workers() {
        return workers;
    }

    OtlpCollector collector() {
        return collector;
    }

    /** What every app process got, for starting another one (the reaper) the same way. */
    Map<String, String> environment() {
        return environment;
    }

    @Override
    public void close() {
        workers.forEach(w -> w.stop(Duration.ofSeconds(10)));
        api.stop(Duration.ofSeconds(10));
        collector.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
