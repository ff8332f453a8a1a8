package dev.sluice.api;

import static dev.sluice.api.Problems.assertProblem;
import static dev.sluice.api.TestKeys.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.api.jobs.submit.RequestHash;
import dev.sluice.core.job.Job;
import dev.sluice.core.job.JobType;
import dev.sluice.core.job.NewJob;
import dev.sluice.core.message.TaskMessage;
import dev.sluice.core.store.JobCreation;
import dev.sluice.core.store.JobStore;
import dev.sluice.devstack.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class IdempotencyTest {

    @BeforeEach
    void emptyQueue() {
        LocalState.purgeQueue();
    }

    static Response post(String key, String body) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body.getBytes(StandardCharsets.UTF_8)).when().post("/v1/jobs");
    }

    @Test
    void aReplayReturnsTheSameJobAndSendsNoSecondMessage() {
        String key = "order-" + UUID.randomUUID();
        String body = "{\"type\":\"image-generation\",\"input\":{\"prompt\":\"a red kite\",\"width\":256,\"height\":256}}";

        Response first = post(key, body);
        assertThat(first.statusCode()).as(first.asString()).isEqualTo(202);
        String jobId = first.jsonPath().getString("jobId");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        TaskMessage message = LocalState.singleMessage();
        assertThat(message.jobId()).isEqualTo(jobId);
        int items = LocalState.tableItems();

        Response replay = post(key, body);

        assertThat(replay.statusCode()).as(replay.asString()).isEqualTo(202);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.header("Location")).isEqualTo("/v1/jobs/" + jobId);
        assertThat(replay.jsonPath().getString("jobId")).isEqualTo(jobId);
        assertThat(replay.jsonPath().getString("status")).isEqualTo("PENDING");
        assertThat(LocalState.tableItems()).as("no second job").isEqualTo(items);
        assertThat(LocalState.drainQueue()).as("no second message").isEmpty();
    }

    @Test
    void aRetryWhileTheFirstRequestIsStillBeingProcessedIs409ThenReplaysOnceItAnswered() throws Exception {
        String key = "inflight-" + UUID.randomUUID();
        String body = "{\"type\":\"image-generation\",\"input\":{\"prompt\":\"a slow kite\",\"width\":256,\"height\":256}}";
        // The first request as another pod leaves it mid-way: job and key persisted, nothing queued, no answer yet.
        JobStore store = LocalState.store();
        String hash = RequestHash.of(new ObjectMapper().readTree(body));
        Job job = ((JobCreation.Created) store.create(new NewJob(LocalState.OWNER, JobType.IMAGE_GENERATION,
                "{\"prompt\":\"a slow kite\",\"width\":256,\"height\":256}", Optional.of(key), hash))).job();

        Response retry = post(key, body);

        assertProblem(retry, 409, "idempotency-key-in-flight", "/v1/jobs");
        assertThat(retry.header("Retry-After")).isNotBlank();
        assertThat(LocalState.drainQueue()).as("a 409 queues nothing").isEmpty();

        store.idempotentRequestAnswered(LocalState.OWNER, key, job.jobId());
        Response replay = post(key, body);

        assertThat(replay.statusCode()).as(replay.asString()).isEqualTo(202);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.jsonPath().getString("jobId")).isEqualTo(job.jobId());
        assertThat(LocalState.singleMessage().jobId()).as("the replay queued the unqueued task").isEqualTo(job.jobId());
    }

    @Test
    void keyOrderAndWhitespaceDoNotMakeADifferentRequest() {
        String key = UUID.randomUUID().toString();
        Response first = post(key, "{\"type\":\"image-generation\",\"input\":{\"prompt\":\"owl\",\"width\":128}}");
        assertThat(first.statusCode()).isEqualTo(202);
        LocalState.singleMessage();

        Response replay = post(key, "{\n  \"input\": { \"width\": 128, \"prompt\": \"owl\" },\n  \"type\": \"image-generation\"\n}");

        assertThat(replay.statusCode()).as(replay.asString()).isEqualTo(202);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.jsonPath().getString("jobId")).isEqualTo(first.jsonPath().getString("jobId"));
        assertThat(LocalState.drainQueue()).isEmpty();
    }

    @Test
    void theSameKeyWithADifferentBodyIs422AndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        Response first = post(key, "{\"type\":\"image-generation\",\"input\":{\"prompt\":\"one\"}}");
        assertThat(first.statusCode()).isEqualTo(202);
        LocalState.singleMessage();
        int items = LocalState.tableItems();

        Response other = post(key, "{\"type\":\"image-generation\",\"input\":{\"prompt\":\"two\"}}");

        assertProblem(other, 422, "idempotency-key-reused", "/v1/jobs");
        assertThat(other.asString()).doesNotContain(first.jsonPath().getString("jobId"));
        assertThat(LocalState.tableItems()).isEqualTo(items);
        assertThat(LocalState.queuedMessages()).isZero();
    }

    @Test
    void differentKeysMakeDifferentJobs() {
        String body = "{\"type\":\"image-generation\",\"input\":{\"prompt\":\"twins\"}}";
        String a = post(UUID.randomUUID().toString(), body).jsonPath().getString("jobId");
        String b = post(UUID.randomUUID().toString(), body).jsonPath().getString("jobId");

        assertThat(a).isNotEqualTo(b);
        assertThat(LocalState.drainQueue()).hasSize(2);
    }

    @Test
    void aKeyOfEveryVisibleAsciiCharacterIsAccepted() {
        StringBuilder key = new StringBuilder();
        for (char c = 0x21; c <= 0x7E; c++) {
            key.append(c);
        }
        key.append(UUID.randomUUID());
        Response response = post(key.toString(), "{\"type\":\"image-generation\",\"input\":{\"prompt\":\"ascii\"}}");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
        assertThat(post(key.toString(), "{\"type\":\"image-generation\",\"input\":{\"prompt\":\"ascii\"}}")
                .header("Idempotent-Replayed")).isEqualTo("true");
        LocalState.singleMessage();
    }
}
