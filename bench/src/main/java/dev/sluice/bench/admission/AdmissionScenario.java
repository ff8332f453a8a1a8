package dev.sluice.bench.admission;

import dev.sluice.bench.run.BenchRun;
import dev.sluice.bench.run.Scenario;
import dev.sluice.bench.run.ScenarioReport;
import dev.sluice.bench.stack.BenchStack;
import dev.sluice.devstack.AppProcess;
import dev.sluice.devstack.ProvisioningSettings;
import dev.sluice.modelsim.ModelSimSettings;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

/**
 * Issue item 1: the synchronous design Sluice replaced against Sluice, side by side on one model, at
 * growing numbers of concurrent clients. See {@link AdmissionSettings} for the sizes.
 */
public final class AdmissionScenario implements Scenario {
    /** The worker's default image endpoint: the old design calls the same one. */
    static final String IMAGE_ENDPOINT = "sluice-image-generation";
    private static final Duration READY = Duration.ofSeconds(180);

    @Override
    public String name() {
        return "admission";
    }

    @Override
    public String description() {
        return "old synchronous endpoint vs POST /v1/jobs at 1..1000 concurrent clients on one model";
    }

    @Override
    public ScenarioReport run(BenchRun run) throws Exception {
        return run(run, run.quick() ? AdmissionSettings.quick() : AdmissionSettings.full());
    }

    ScenarioReport run(BenchRun run, AdmissionSettings settings) throws Exception {
        ModelSimSettings model = ModelSimSettings.defaults().withLatency(settings.latency())
                .withMaxConcurrency(settings.capacity());
        ExecutorService clientThreads = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "admission-client");
            t.setDaemon(true);
            return t;
        });
        try (BenchStack stack = BenchStack.start(run, model, ProvisioningSettings.defaults());
             SageMakerRuntimeClient sageMaker = LegacyModelClient.create(stack.modelSim().uri());
             LegacyEndpoint legacy = LegacyEndpoint.start(sageMaker, IMAGE_ENDPOINT, settings.clientTimeout())) {
            run.say("starting the API and one worker (%d concurrent tasks) ...", settings.capacity());
            AppProcess api = stack.launch("api", "api", Map.of());
            AppProcess worker = stack.launch("worker", "worker", workerEnvironment(settings));
            api.awaitReady(READY);
            worker.awaitReady(READY);

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(settings.clientTimeout()).executor(clientThreads).build();
            Burst burst = new Burst(http, settings.clientTimeout());
            LegacyPhase old = new LegacyPhase(legacy, burst, stack.modelSim().client(), settings);
            CompletionWatch watch = new CompletionWatch(stack.devStack().clients().dynamo(),
                    stack.devStack().resources().table(), stack.devStack().clients().sqs(),
                    stack.devStack().resources().queueUrl(), settings.poll());
            SluicePhase sluice = new SluicePhase(stack, api.uri(), http, burst, watch, settings);

            run.say("warming up both designs ...");
            old.warmUp();
            sluice.warmUp();
            List<LevelResult> results = new ArrayList<>();
            for (int clients : settings.levels()) {
                results.add(say(run, old.run(clients)));
                results.add(say(run, sluice.run(clients)));
            }
            return AdmissionReport.of(settings, results);
        } finally {
            clientThreads.shutdownNow();
        }
    }

    /** Exactly the model's capacity: more concurrent tasks would only wait in the model's queue. */
    private static Map<String, String> workerEnvironment(AdmissionSettings settings) {
        return Map.of(
                "SLUICE_WORKER_CONCURRENCY", Integer.toString(settings.capacity()),
                "SLUICE_WORKER_WAIT_TIME", "2s",
                "SLUICE_WORKER_DRAIN_TIMEOUT", "5s");
    }

    private static LevelResult say(BenchRun run, LevelResult result) {
        BurstResult b = result.burst();
        run.say("%4d clients %-10s ok %d, errors %d, timeouts %d, delivered %d, done after %s", result.clients(),
                result.design().label(), b.count(ClientOutcome.Kind.OK), b.count(ClientOutcome.Kind.ERROR),
                b.count(ClientOutcome.Kind.TIMEOUT), result.delivered(),
                result.doneNanos() < 0 ? "–" : String.format("%.1f s", result.doneNanos() / 1e9));
        return result;
    }
}
