package dev.sluice.modelsim;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * A small client for a simulator's admin API, in-process or remote. Tests use it to script
 * failures and read the audit: {@code client.addFault(FaultRule.times("flaky", FailureKind.MODEL_5XX, 2))}.
 * Thread-safe. Failures surface as {@link ModelSimClientException}.
 */
public final class ModelSimClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http;

    /** @param baseUri e.g. {@code http://localhost:8090} */
    public ModelSimClient(URI baseUri) {
        String text = baseUri.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        // HTTP/1.1: the JDK server does not speak h2c, no point offering the upgrade.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public URI baseUri() {
        return base;
    }

    /** True when {@code GET /ping} answers 200. Never throws. */
    public boolean isHealthy() {
        try {
            return send(HttpRequest.newBuilder(base.resolve("/ping")).GET()).statusCode() == 200;
        } catch (ModelSimClientException e) {
            return false;
        }
    }

    public SimConfig config() {
        return get("/admin/config", SimConfig.class);
    }

    /** Replaces latency and failure rates. */
    public SimConfig setConfig(SimConfig config) {
        return put("/admin/config", ConfigUpdate.of(config));
    }

    public SimConfig setLatency(LatencySpec latency) {
        return put("/admin/config", new ConfigUpdate(latency, null, null));
    }

    public SimConfig setFailureRates(FailureRates rates) {
        return put("/admin/config", new ConfigUpdate(null, rates, null));
    }

    /** Restarts the random sequence for latency and failures. */
    public SimConfig reseed(long seed) {
        return put("/admin/config", new ConfigUpdate(null, null, seed));
    }

    public List<FaultRule> faults() {
        return get("/admin/faults", new TypeReference<List<FaultRule>>() { });
    }

    /** Adds a rule after the existing ones; returns all rules. */
    public List<FaultRule> addFault(FaultRule rule) {
        return call("POST", "/admin/faults", rule, Json.MAPPER.getTypeFactory()
                .constructType(new TypeReference<List<FaultRule>>() { }));
    }

    public void clearFaults() {
        call("DELETE", "/admin/faults", null, null);
    }

    /** Every invocation still in the audit, in completion order. */
    public List<InvocationRecord> invocations() {
        return get("/admin/invocations", new TypeReference<List<InvocationRecord>>() { });
    }

    /** The invocations that carried this task ID. */
    public List<InvocationRecord> invocations(String taskId) {
        return get("/admin/invocations?taskId=" + URLEncoder.encode(taskId, StandardCharsets.UTF_8),
                new TypeReference<List<InvocationRecord>>() { });
    }

    public void clearInvocations() {
        call("DELETE", "/admin/invocations", null, null);
    }

    /** Back to a quiet simulator: no latency, no failures, no fault rules, empty audit. */
    public void reset() {
        clearFaults();
        setConfig(SimConfig.defaults());
        clearInvocations();
    }

    private <T> T get(String path, Class<T> type) {
        return call("GET", path, null, Json.MAPPER.constructType(type));
    }

    private <T> T get(String path, TypeReference<T> type) {
        return call("GET", path, null, Json.MAPPER.getTypeFactory().constructType(type));
    }

    private SimConfig put(String path, ConfigUpdate body) {
        return call("PUT", path, body, Json.MAPPER.constructType(SimConfig.class));
    }

    private <T> T call(String method, String path, Object body, JavaType responseType) {
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new ModelSimClientException("Cannot serialize " + body, 0, e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, publisher)
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<byte[]> response = send(request);
        if (response.statusCode() / 100 != 2) {
            throw new ModelSimClientException(method + " " + path + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8), response.statusCode(), null);
        }
        if (responseType == null) {
            return null;
        }
        try {
            return Json.MAPPER.readValue(response.body(), responseType);
        } catch (IOException e) {
            throw new ModelSimClientException("Unreadable answer to " + method + " " + path, response.statusCode(), e);
        }
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ModelSimClientException("Model simulator at " + base + " unreachable: " + e.getMessage(), 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelSimClientException("Interrupted calling the model simulator", 0, e);
        }
    }
}
