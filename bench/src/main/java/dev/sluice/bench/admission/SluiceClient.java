package dev.sluice.bench.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a Sluice client sends and reads, through the public API with one owner's key. */
final class SluiceClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI api;
    private final String apiKey;

    SluiceClient(HttpClient http, URI api, String apiKey) {
        this.http = http;
        this.api = api;
        this.apiKey = apiKey;
    }

    /** {@code POST /v1/jobs}: one image-generation job with {@code body} as its input. */
    HttpRequest submission(String input, Duration timeout) {
        return HttpRequest.newBuilder(api.resolve("/v1/jobs"))
                .timeout(timeout)
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"image-generation\",\"input\":" + input + "}"))
                .build();
    }

    /** The job IDs of 202 answers. */
    static Set<String> jobIds(List<String> acceptedBodies) {
        Set<String> ids = new HashSet<>();
        for (String body : acceptedBodies) {
            ids.add(read(body).path("jobId").asText());
        }
        return ids;
    }

    /** Every job of this key's owner and its status, page by page through {@code GET /v1/jobs}. */
    Map<String, String> jobs() throws InterruptedException {
        Map<String, String> jobs = new HashMap<>();
        String cursor = null;
        do {
            String query = "/v1/jobs?limit=100"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(api.resolve(query)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + apiKey).GET().build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException("listing the jobs failed", e);
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /v1/jobs answered " + response.statusCode() + ": "
                        + response.body());
            }
            JsonNode page = read(response.body());
            page.path("jobs").forEach(job -> jobs.put(job.path("jobId").asText(), job.path("status").asText()));
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return jobs;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }
}
