package dev.sluice.bench.admission;

import dev.sluice.bench.stack.BenchStack;
import dev.sluice.modelsim.ModelSimClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One level against Sluice: N clients submit one job each together, each level as its own owner (with
 * its own key), so the level's unfinished jobs can be counted apart; the level ends when none is left
 * PENDING or PROCESSING, or at the bound. Then it waits for the task queue to empty,
 * so the next level starts with the model idle.
 */
final class SluicePhase {
    private static final String COMPLETED = "COMPLETED";

    private final BenchStack stack;
    private final URI api;
    private final HttpClient http;
    private final Burst burst;
    private final ModelSimClient model;
    private final CompletionWatch watch;
    private final ApiSubmissions submissions;
    private final AdmissionSettings settings;

    SluicePhase(BenchStack stack, URI api, HttpClient http, Burst burst, CompletionWatch watch,
                AdmissionSettings settings) {
        this.stack = stack;
        this.api = api;
        this.http = http;
        this.burst = burst;
        this.model = stack.modelSim().client();
        this.watch = watch;
        this.submissions = new ApiSubmissions(http, api);
        this.settings = settings;
    }

    LevelResult run(int clients) throws InterruptedException {
        return run(clients, "admission-" + clients);
    }

    /** One job outside any level: the first level should not pay for class loading and connections. */
    void warmUp() throws InterruptedException {
        run(1, "admission-warm-up");
    }

    private LevelResult run(int clients, String owner) throws InterruptedException {
        SluiceClient client = new SluiceClient(http, api, stack.apiKey(owner));
        List<HttpRequest> requests = new ArrayList<>(clients);
        for (int i = 0; i < clients; i++) {
            requests.add(client.submission(ImagePrompt.input("sluice", clients, i), settings.clientTimeout()));
        }
        model.clearInvocations();
        long submittedBefore = submissions.finished();
        BurstResult result = burst.fire(requests);
        Set<String> accepted = SluiceClient.jobIds(result.okBodies());
        long deadline = result.startNanos() + settings.drainBound(clients).toNanos();
        long finished = watch.awaitFinished(owner, accepted, deadline);
        // Clients that timed out may still get a job (the API finishes their request): let the workers
        // run those too, so the next level finds the model idle.
        submissions.awaitFinished(submittedBefore + clients, deadline, settings.poll());
        boolean idle = watch.awaitQueueEmpty(deadline);
        Map<String, String> jobs = client.jobs();
        int completed = (int) accepted.stream().filter(id -> COMPLETED.equals(jobs.get(id))).count();
        int unacknowledged = (int) jobs.keySet().stream().filter(id -> !accepted.contains(id)).count();
        long done = finished >= 0 && completed == accepted.size() ? finished - result.startNanos() : -1;
        return new LevelResult(LevelResult.Design.SLUICE, clients, result, completed, done,
                idle ? ModelUse.of(model.invocations()) : null, unacknowledged);
    }
}
