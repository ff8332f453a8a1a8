package dev.sluice.bench.requests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * A well-behaved API client: image jobs submitted with an API key and an {@code Idempotency-Key} each
 * (as the API's docs ask of clients), and the job read back by ID. Any answer but the expected one is
 * an error: a benchmark must not count requests of a run that went wrong.
 */
public final class JobsClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI api;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public JobsClient(URI api, String apiKey) {
        this.api = api;
        this.apiKey = apiKey;
    }

    /** Submits one image job; returns its ID. */
    public String submit(String prompt) {
        String body = "{\"type\":\"image-generation\",\"input\":{\"prompt\":\"" + prompt + "\",\"width\":64,\"height\":64}}";
        HttpRequest request = authorized(api.resolve("/v1/jobs"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return send(request, 202).get("jobId").asText();
    }

    /** GET /v1/jobs/{id}: the job's status. */
    public String status(String jobId) {
        return send(authorized(api.resolve("/v1/jobs/" + jobId)).GET().build(), 200).get("status").asText();
    }

    private HttpRequest.Builder authorized(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + apiKey);
    }

    private JsonNode send(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
