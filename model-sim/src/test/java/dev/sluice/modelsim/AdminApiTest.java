package dev.sluice.modelsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelErrorException;
import software.amazon.awssdk.services.sagemakerruntime.model.SageMakerRuntimeException;

class AdminApiTest extends SimTestBase {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void configCanBeReadAndChangedAtRuntime() {
        assertThat(admin.config()).isEqualTo(SimConfig.defaults());

        SimConfig changed = new SimConfig(new LatencySpec.Uniform(10, 20), new FailureRates(0.1, 0.2, 0.0, 0.05));
        assertThat(admin.setConfig(changed)).isEqualTo(changed);
        assertThat(admin.config()).isEqualTo(changed);

        // A partial update leaves the rest alone.
        admin.setLatency(new LatencySpec.Normal(30, 5));
        assertThat(admin.config()).isEqualTo(changed.withLatency(new LatencySpec.Normal(30, 5)));
    }

    @Test
    void failureRateChangeTakesEffectOnTheNextInvocation() {
        admin.setFailureRates(FailureRates.none().withTransientRate(1.0));
        assertThatThrownBy(() -> sdk.invokeEndpoint(SageMakerClients.image("p", 16, 16, "t")))
                .isInstanceOfSatisfying(ModelErrorException.class, e -> assertThat(e.originalStatusCode()).isEqualTo(500));

        admin.setFailureRates(FailureRates.none());
        sdk.invokeEndpoint(SageMakerClients.image("p", 16, 16, "t"));
    }

    @Test
    void randomFailuresFollowTheSeed() {
        admin.setFailureRates(FailureRates.none().withThrottleRate(0.5));

        admin.reseed(3);
        String first = outcomes(30);
        admin.reseed(3);
        String second = outcomes(30);

        assertThat(second).isEqualTo(first);
        assertThat(first).contains("throttle").contains("ok");
    }

    private String outcomes(int n) {
        StringBuilder outcomes = new StringBuilder();
        for (int i = 0; i < n; i++) {
            try {
                sdk.invokeEndpoint(SageMakerClients.image("p", 8, 8, "t"));
                outcomes.append("ok ");
            } catch (SageMakerRuntimeException e) {
                assertThat(e.isThrottlingException()).isTrue();
                outcomes.append("throttle ");
            }
        }
        return outcomes.toString();
    }

    @Test
    void invalidConfigIsRefusedAndChangesNothing() {
        assertThatThrownBy(() -> admin.setFailureRates(new FailureRates(0.6, 0.6, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class);

        ModelSimClientException e = (ModelSimClientException) org.assertj.core.api.Assertions.catchThrowable(
                () -> put("/admin/config", "{\"failureRates\":{\"transientRate\":0.7,\"throttleRate\":0.7}}"));
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.getMessage()).contains("more than 1");
        assertThat(admin.config()).isEqualTo(SimConfig.defaults());
    }

    @Test
    void faultsAcceptAnArrayAndRejectUnknownKinds() throws Exception {
        HttpResponse<String> added = send("POST", "/admin/faults",
                "[{\"match\":\"a\",\"kind\":\"throttle\"},{\"match\":\"b\",\"kind\":\"model-4xx\",\"times\":2}]");
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(admin.faults()).containsExactly(FaultRule.always("a", FailureKind.THROTTLE),
                FaultRule.times("b", FailureKind.MODEL_4XX, 2));

        HttpResponse<String> refused = send("POST", "/admin/faults", "{\"match\":\"c\",\"kind\":\"explode\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("explode");
        assertThat(admin.faults()).hasSize(2);
    }

    @Test
    void healthEndpoints() throws Exception {
        assertThat(admin.isHealthy()).isTrue();
        assertThat(send("GET", "/ping", null).statusCode()).isEqualTo(200);
        HttpResponse<String> health = send("GET", "/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
        assertThat(send("GET", "/nothing-here", null).statusCode()).isEqualTo(404);
        assertThat(new ModelSimClient(URI.create("http://127.0.0.1:1")).isHealthy()).isFalse();
    }

    private void put(String path, String json) {
        HttpResponse<String> response = uncheckedSend("PUT", path, json);
        if (response.statusCode() != 200) {
            throw new ModelSimClientException(response.body(), response.statusCode(), null);
        }
    }

    private HttpResponse<String> uncheckedSend(String method, String path, String body) {
        try {
            return send(method, path, body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return http.send(HttpRequest.newBuilder(sim.uri().resolve(path)).method(method, publisher).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
