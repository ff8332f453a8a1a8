package dev.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.keys.ObjectKeys;
import dev.sluice.devstack.DevStack;
import dev.sluice.modelsim.FailureKind;
import dev.sluice.modelsim.FaultRule;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/** Through the public API, to packaged workers running as processes, to S3 and back. */
class JobLifecycleE2ETest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningSystem system;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        system = RunningSystem.shared();
        api = new ApiClient(system.api().uri(), system.apiKey());
        var sim = system.stack().modelSimClient();
        sim.addFault(FaultRule.always("e2e-permanent", FailureKind.MODEL_4XX));
        // Four failures outlast the worker's in-process retries (three calls), so one attempt goes back to the queue.
        sim.addFault(FaultRule.times("e2e-flaky", FailureKind.UNAVAILABLE, 4));
        sim.addFault(FaultRule.always("e2e-hopeless", FailureKind.MODEL_5XX));
    }

    private static String imageJob(String prompt) {
        return "{\"type\":\"image-generation\",\"input\":{\"prompt\":\"" + prompt + "\",\"width\":128,\"height\":64}}";
    }

    @Test
    void aRequestWithAnUnknownKeyIs401() {
        ApiClient stranger = new ApiClient(system.api().uri(), "slk_aaaaaaaaaaaa_" + "a".repeat(40));
        var response = stranger.submit(imageJob("no key"), null);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("type").asText()).isEqualTo("https://sluice.dev/problems/unauthenticated");
        assertThat(response.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void imageJobCompletesWithAReadablePng() throws Exception {
        var submitted = api.submit(imageJob("a green hatchback " + UUID.randomUUID()), null);
        assertThat(submitted.status()).isEqualTo(202);
        String jobId = submitted.body().path("jobId").asText();
        assertThat(submitted.body().path("status").asText()).isEqualTo("PENDING");
        assertThat(submitted.raw().headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/v1/jobs/" + jobId));

        JsonNode job = api.awaitTerminal(jobId, TIMEOUT);

        assertThat(job.path("status").asText()).isEqualTo("COMPLETED");
        JsonNode output = job.path("output");
        assertThat(output.path("key").asText()).endsWith(".png");
        byte[] png = api.download(output.path("url").asText());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(128);
        assertThat(image.getHeight()).isEqualTo(64);
        assertThat(output.path("sha256").asText()).isEqualTo(sha256(png));
    }

    @Test
    void videoJobCompletesWithAnAnalysisOfTheUploadedBytes() throws Exception {
        DevStack stack = system.stack();
        byte[] video = new byte[64 * 1024];
        new Random(11).nextBytes(video);
        String key = ObjectKeys.upload("local", "e2e.mp4");
        stack.clients().s3().putObject(b -> b.bucket(stack.resources().bucket()).key(key).contentType("video/mp4"),
                RequestBody.fromBytes(video));

        var submitted = api.submit("{\"type\":\"video-analysis\",\"input\":{\"videoKey\":\"" + key + "\"}}", null);
        assertThat(submitted.status()).isEqualTo(202);
        JsonNode job = api.awaitTerminal(submitted.body().path("jobId").asText(), TIMEOUT);

        assertThat(job.path("status").asText()).isEqualTo("COMPLETED");
        JsonNode analysis = JSON.readTree(api.download(job.path("output").path("url").asText()));
        assertThat(analysis.toString()).contains(sha256(video));
    }

    @Test
    void idempotencyKeyReplaysTheJobAndRefusesADifferentBody() {
        String key = "e2e-" + UUID.randomUUID();
        String body = imageJob("idempotent " + key);

        var first = api.submit(body, key);
        var replay = api.submit(body, key);
        var conflict = api.submit(imageJob("something else"), key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(replay.status()).isEqualTo(202);
        assertThat(replay.body().path("jobId").asText()).isEqualTo(first.body().path("jobId").asText());
        assertThat(conflict.status()).isEqualTo(422);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(conflict.body().path("type").asText()).isNotBlank();
        JsonNode job = api.awaitTerminal(first.body().path("jobId").asText(), TIMEOUT);
        assertThat(job.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(system.stack().modelSimClient().invocations().stream()
                .filter(r -> r.taskId() != null && r.taskId().startsWith(first.body().path("jobId").asText())))
                .as("one job, one invocation").hasSize(1);
    }

    @Test
    void permanentModelErrorFailsTheJob() {
        var submitted = api.submit(imageJob("e2e-permanent " + UUID.randomUUID()), null);

        JsonNode job = api.awaitTerminal(submitted.body().path("jobId").asText(), TIMEOUT);

        assertThat(job.path("status").asText()).isEqualTo("FAILED");
        assertThat(job.path("lastError").asText()).contains("400");
        assertThat(job.path("attempts").asInt()).isEqualTo(1);
        assertThat(job.has("output") && !job.path("output").isNull()).isFalse();
    }

    @Test
    void transientErrorsAreRetriedThenTheJobCompletes() {
        var submitted = api.submit(imageJob("e2e-flaky " + UUID.randomUUID()), null);

        JsonNode job = api.awaitTerminal(submitted.body().path("jobId").asText(), TIMEOUT);

        assertThat(job.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(job.path("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void aTaskThatKeepsFailingTransientlyEndsInTheDlq() {
        var submitted = api.submit(imageJob("e2e-hopeless " + UUID.randomUUID()), null);
        String jobId = submitted.body().path("jobId").asText();
        DevStack stack = system.stack();

        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(300)).until(() ->
                stack.clients().sqs().receiveMessage(b -> b.queueUrl(stack.resources().dlqUrl())
                                .maxNumberOfMessages(10).visibilityTimeout(0).waitTimeSeconds(1))
                        .messages().stream().filter(m -> m.body().contains(jobId)).findFirst(), Optional::isPresent);

        JsonNode job = api.job(jobId).body();
        assertThat(job.path("status").asText()).isEqualTo("PENDING");
        assertThat(job.path("attempts").asInt()).isEqualTo(DevStack.TEST_MAX_RECEIVE_COUNT);
        assertThat(job.path("lastError").asText()).contains("500");
    }

    @Test
    void badInputIsAProblemAndNothingIsCreated() {
        var unknownType = api.submit("{\"type\":\"sorcery\",\"input\":{}}", null);
        var malformed = api.submit("{\"type\":", null);
        var badSize = api.submit("{\"type\":\"image-generation\",\"input\":{\"prompt\":\"x\",\"width\":100000,\"height\":64}}", null);

        assertThat(unknownType.status()).isEqualTo(422);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(badSize.status()).isEqualTo(422);
        for (var problem : java.util.List.of(unknownType, malformed, badSize)) {
            assertThat(problem.contentType()).startsWith("application/problem+json");
            assertThat(problem.body().path("status").asInt()).isEqualTo(problem.status());
            assertThat(problem.body().has("jobId")).isFalse();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
