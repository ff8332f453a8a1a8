package dev.sluice.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.keys.ObjectKeys;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Submits one image job and one video job through the running API, as a client would, and waits
 * for both to finish.
 */
public final class Demo {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final URI api;
    private final DevStack stack;
    private final String ownerId;
    private final String apiKey;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** {@code apiKey} must be a key of {@code ownerId} with jobs:read and jobs:write. */
    public Demo(URI api, DevStack stack, String ownerId, String apiKey, PrintStream out) {
        this.api = api;
        this.stack = stack;
        this.ownerId = ownerId;
        this.apiKey = apiKey;
        this.out = out;
    }

    /** True when both jobs COMPLETED. */
    public boolean run() throws IOException, InterruptedException {
        String videoKey = uploadSampleVideo();
        Map<String, String> jobs = new LinkedHashMap<>();
        jobs.put("image-generation", submit("{\"type\":\"image-generation\",\"input\":"
                + "{\"prompt\":\"a red vintage car at sunset\",\"width\":512,\"height\":512}}"));
        jobs.put("video-analysis", submit("{\"type\":\"video-analysis\",\"input\":{\"videoKey\":\""
                + videoKey + "\"}}"));
        boolean allCompleted = true;
        for (Map.Entry<String, String> job : jobs.entrySet()) {
            JsonNode result = awaitTerminal(job.getValue());
            String status = result.path("status").asText();
            out.printf("%-17s job %s %s output=%s%n", job.getKey(), job.getValue(), status,
                    result.path("output").path("key").asText("-"));
            allCompleted &= "COMPLETED".equals(status);
        }
        return allCompleted;
    }

    private String uploadSampleVideo() {
        // Bytes shaped like an MP4 (an ftyp box, then noise): the simulator only analyses bytes.
        byte[] video = new byte[256 * 1024];
        new Random(7).nextBytes(video);
        byte[] header = "\0\0\0\u0018ftypmp42\0\0\0\0mp42isom".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(header, 0, video, 0, header.length);
        String key = ObjectKeys.upload(ownerId, "demo.mp4");
        stack.clients().s3().putObject(b -> b.bucket(stack.resources().bucket()).key(key).contentType("video/mp4"),
                RequestBody.fromBytes(video));
        out.printf("uploaded s3://%s/%s%n", stack.resources().bucket(), key);
        return key;
    }

    private String submit(String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(api.resolve("/v1/jobs"))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("submit answered " + response.statusCode() + ": " + response.body());
        }
        String jobId = JSON.readTree(response.body()).path("jobId").asText();
        out.printf("submitted %s -> 202 %s%n", body, jobId);
        return jobId;
    }

    private JsonNode awaitTerminal(String jobId) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        JsonNode job = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(api.resolve("/v1/jobs/" + jobId))
                    .header("Authorization", "Bearer " + apiKey).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            job = JSON.readTree(response.body());
            String status = job.path("status").asText();
            if ("COMPLETED".equals(status) || "FAILED".equals(status)) {
                return job;
            }
            Thread.sleep(500);
        }
        return job;
    }
}
