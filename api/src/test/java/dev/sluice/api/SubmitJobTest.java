package dev.sluice.api;

import static dev.sluice.api.LocalState.OWNER;
import static dev.sluice.api.Problems.assertProblem;
import static dev.sluice.api.Problems.errorFields;
import static dev.sluice.api.TestKeys.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.job.Job;
import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.JobType;
import dev.sluice.core.job.NewJob;
import dev.sluice.core.job.Task;
import dev.sluice.core.message.TaskMessage;
import dev.sluice.core.store.JobCreation;
import dev.sluice.devstack.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class SubmitJobTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void emptyQueue() {
        LocalState.purgeQueue();
    }

    static Response post(String body) {
        return given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/v1/jobs");
    }

    @Test
    void imageGenerationIsPersistedQueuedOnceAndAnsweredWith202() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        Response response = post("{\"type\":\"image-generation\",\"input\":{\"prompt\":\"a lighthouse at dusk\","
                + "\"width\":768,\"height\":512}}");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
        assertThat(response.contentType()).startsWith("application/json");
        String jobId = response.jsonPath().getString("jobId");
        assertThat(jobId).isNotBlank();
        assertThat(response.jsonPath().getString("status")).isEqualTo("PENDING");
        assertThat(response.header("Location")).isEqualTo("/v1/jobs/" + jobId);
        assertThat(response.header("Idempotent-Replayed")).isNull();

        Job job = LocalState.job(jobId).orElseThrow();
        assertThat(job.ownerId()).isEqualTo(OWNER);
        assertThat(job.type()).isEqualTo(JobType.IMAGE_GENERATION);
        assertThat(JSON.readTree(job.input()))
                .isEqualTo(JSON.readTree("{\"prompt\":\"a lighthouse at dusk\",\"width\":768,\"height\":512}"));
        assertThat(job.createdAt()).isAfter(before);
        assertThat(job.tasks()).hasSize(1);
        Task task = job.tasks().get(0);
        assertThat(task.status()).isEqualTo(JobStatus.PENDING);
        assertThat(task.enqueuedAt()).as("marked enqueued after the send").isPresent();

        TaskMessage message = LocalState.singleMessage();
        assertThat(message.version()).isEqualTo(1);
        assertThat(message.jobId()).isEqualTo(jobId);
        assertThat(message.taskId()).isEqualTo(task.ref().taskId());
        assertThat(message.type()).isEqualTo(JobType.IMAGE_GENERATION);
        assertThat(message.ownerId()).isEqualTo(OWNER);
        assertThat(message.enqueuedAt()).isAfter(before);
    }

    @Test
    void sizesDefaultTo512AndThePersistedInputIsNormalised() throws Exception {
        Response response = post("{ \"input\" : { \"prompt\" : \"fog\" }, \"type\" : \"image-generation\" }");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
        Job job = LocalState.job(response.jsonPath().getString("jobId")).orElseThrow();
        assertThat(job.input()).isEqualTo("{\"prompt\":\"fog\",\"width\":512,\"height\":512}");
        LocalState.singleMessage();
    }

    @Test
    void getReturnsThePendingJobWithIsoTimestamps() {
        String jobId = post("{\"type\":\"image-generation\",\"input\":{\"prompt\":\"a fox\"}}").jsonPath().getString("jobId");
        Job stored = LocalState.job(jobId).orElseThrow();

        Response response = given().when().get("/v1/jobs/" + jobId);

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.jsonPath().getString("jobId")).isEqualTo(jobId);
        assertThat(response.jsonPath().getString("type")).isEqualTo("image-generation");
        assertThat(response.jsonPath().getString("status")).isEqualTo("PENDING");
        assertThat(Instant.parse(response.jsonPath().getString("createdAt"))).isEqualTo(stored.createdAt());
        assertThat(Instant.parse(response.jsonPath().getString("updatedAt"))).isEqualTo(stored.tasks().get(0).updatedAt());
        assertThat(response.jsonPath().getInt("attempts")).isZero();
        assertThat(response.jsonPath().getString("lastError")).isNull();
        assertThat(response.jsonPath().getMap("$")).containsKey("lastError").doesNotContainKey("output");
        assertThat(response.jsonPath().getList("tasks")).hasSize(1);
        assertThat(response.jsonPath().getString("tasks[0].taskId")).isEqualTo(stored.tasks().get(0).ref().taskId());
        assertThat(response.jsonPath().getString("tasks[0].status")).isEqualTo("PENDING");
        assertThat(response.jsonPath().getInt("tasks[0].attempts")).isZero();
        assertThat(response.jsonPath().getString("tasks[0].startedAt")).isNull();
        assertThat(response.jsonPath().getString("tasks[0].completedAt")).isNull();
        LocalState.drainQueue();
    }

    @Test
    void unknownJobIsA404Problem() {
        String path = "/v1/jobs/" + UUID.randomUUID();
        assertProblem(given().when().get(path), 404, "job-not-found", path);
        String odd = "/v1/jobs/not%20a%20job";
        assertProblem(given().urlEncodingEnabled(false).when().get(odd), 404, "job-not-found", odd);
    }

    @Test
    void anUnreadableJobIsA500ThatLeaksNothing() {
        // A job item no version of Sluice could have written: its type is unknown to the code.
        String jobId = UUID.randomUUID().toString();
        LocalState.dynamo().putItem(b -> b.tableName(LocalState.resources().table()).item(Map.of(
                "pk", AttributeValue.fromS("JOB#" + jobId), "sk", AttributeValue.fromS("JOB"),
                "entity", AttributeValue.fromS("job"), "jobId", AttributeValue.fromS(jobId),
                "ownerId", AttributeValue.fromS(OWNER), "type", AttributeValue.fromS("teleportation"),
                "input", AttributeValue.fromS("{}"), "createdAt", AttributeValue.fromN("1700000000000"))));
        String path = "/v1/jobs/" + jobId;

        Response response = given().when().get(path);

        assertProblem(response, 500, "internal-error", path);
        assertThat(response.jsonPath().getString("errorId")).isNotBlank();
        assertThat(response.asString()).doesNotContain("teleportation").doesNotContain("Exception")
                .doesNotContain("dev.sluice");
    }

    @Test
    void anotherOwnersJobAnswersExactlyLikeAMissingOne() {
        JobCreation created = LocalState.store().create(new NewJob("someone-else", JobType.IMAGE_GENERATION,
                "{\"prompt\":\"x\",\"width\":64,\"height\":64}", Optional.empty(), "hash"));
        String jobId = ((JobCreation.Created) created).job().jobId();
        String path = "/v1/jobs/" + jobId;

        Response response = given().when().get(path);

        assertProblem(response, 404, "job-not-found", path);
        Response missing = given().when().get("/v1/jobs/" + UUID.randomUUID());
        assertThat(response.jsonPath().getString("detail")).isEqualTo(missing.jsonPath().getString("detail"));
        assertThat(response.asString()).doesNotContain("someone-else");
    }

    @Test
    void videoAnalysisOfAnUploadedObjectIsAcceptedWithTheBucketInItsInput() throws Exception {
        String key = "uploads/" + OWNER + "/" + UUID.randomUUID() + "/clip.mp4";
        LocalState.putObject(key, new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'}, "video/mp4");

        Response response = post("{\"type\":\"video-analysis\",\"input\":{\"videoKey\":\"" + key + "\"}}");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
        Job job = LocalState.job(response.jsonPath().getString("jobId")).orElseThrow();
        assertThat(job.type()).isEqualTo(JobType.VIDEO_ANALYSIS);
        JsonNode input = JSON.readTree(job.input());
        assertThat(input.get("bucket").asText()).isEqualTo(LocalState.resources().bucket());
        assertThat(input.get("videoKey").asText()).isEqualTo(key);
        assertThat(LocalState.singleMessage().type()).isEqualTo(JobType.VIDEO_ANALYSIS);
    }

    @Test
    void videoAnalysisOfAMissingObjectIs422UploadNotFoundAndStoresNothing() {
        String key = "uploads/" + OWNER + "/" + UUID.randomUUID() + "/never-uploaded.mp4";
        int items = LocalState.tableItems();

        Response response = post("{\"type\":\"video-analysis\",\"input\":{\"videoKey\":\"" + key + "\"}}");

        assertProblem(response, 422, "upload-not-found", "/v1/jobs");
        assertThat(errorFields(response)).containsExactly("input.videoKey");
        assertThat(LocalState.tableItems()).isEqualTo(items);
        assertThat(LocalState.queuedMessages()).isZero();
    }
}
