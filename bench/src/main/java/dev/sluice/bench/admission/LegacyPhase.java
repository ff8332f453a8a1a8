package dev.sluice.bench.admission;

import dev.sluice.modelsim.ModelSimClient;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * One level against the old design: N clients call the synchronous endpoint together; the level ends
 * once the model has finished every call the endpoint made, answered or not, so the next level (or
 * design) finds the model idle.
 */
final class LegacyPhase {
    private final LegacyEndpoint endpoint;
    private final Burst burst;
    private final ModelSimClient model;
    private final AdmissionSettings settings;

    LegacyPhase(LegacyEndpoint endpoint, Burst burst, ModelSimClient model, AdmissionSettings settings) {
        this.endpoint = endpoint;
        this.burst = burst;
        this.model = model;
        this.settings = settings;
    }

    LevelResult run(int clients) throws InterruptedException {
        List<HttpRequest> requests = new ArrayList<>(clients);
        for (int i = 0; i < clients; i++) {
            requests.add(HttpRequest.newBuilder(endpoint.uri())
                    .timeout(settings.clientTimeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(ImagePrompt.input("old", clients, i)))
                    .build());
        }
        model.clearInvocations();
        int callsBefore = endpoint.calls();
        int lateBefore = endpoint.lateResults();
        BurstResult result = burst.fire(requests);
        long deadline = result.startNanos() + settings.drainBound(clients).toNanos();
        boolean idle = endpoint.awaitIdle(deadline);
        long done = idle && endpoint.calls() > callsBefore ? endpoint.lastModelEnd() - result.startNanos() : -1;
        ModelUse use = idle ? ModelUse.of(model.invocations()) : null;
        return new LevelResult(LevelResult.Design.OLD, clients, result, result.count(ClientOutcome.Kind.OK), done,
                use, endpoint.lateResults() - lateBefore);
    }

    /** One request outside any level, so the first level does not pay for class loading and connections. */
    void warmUp() throws InterruptedException {
        run(1);
    }
}
