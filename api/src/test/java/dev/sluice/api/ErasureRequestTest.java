package dev.sluice.api;

import static dev.sluice.api.Problems.assertProblem;
import static dev.sluice.api.Problems.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.auth.ApiKey;
import dev.sluice.core.job.Job;
import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.JobType;
import dev.sluice.core.message.TaskMessage;
import dev.sluice.core.store.JobTable;
import dev.sluice.devstack.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class ErasureRequestTest {
    private static final String ROUTE = "/v1/me/data";
    private final String owner = "erasing-" + UUID.randomUUID();

    @BeforeEach
    void emptyQueue() {
        LocalState.purgeQueue();
    }

    @Test
    void erasureIsAPendingDataErasureJobQueuedOnceAndAnsweredWith202() {
        String key = TestKeys.create(owner, ApiKey.JOBS_READ, ApiKey.JOBS_WRITE);

        Response response = TestKeys.as(key).when().delete(ROUTE);

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
        String jobId = response.jsonPath().getString("jobId");
        assertThat(response.jsonPath().getString("status")).isEqualTo("PENDING");
        assertThat(response.header("Location")).isEqualTo("/v1/jobs/" + jobId);
        Job job = LocalState.job(jobId).orElseThrow();
        assertThat(job.ownerId()).isEqualTo(owner);
        assertThat(job.type()).isEqualTo(JobType.DATA_ERASURE);
        assertThat(job.status()).isEqualTo(JobStatus.PENDING);
        TaskMessage message = LocalState.singleMessage();
        assertThat(message.ref()).isEqualTo(job.tasks().get(0).ref());
        assertThat(message.type()).isEqualTo(JobType.DATA_ERASURE);
        assertThat(LocalState.job(jobId).orElseThrow().tasks().get(0).enqueuedAt()).isPresent();

        TestKeys.as(key).when().get("/v1/jobs/" + jobId).then().statusCode(200);
    }

    @Test
    void theSameIdempotencyKeyReplaysTheSameErasure() {
        String key = TestKeys.create(owner, ApiKey.JOBS_WRITE);

        Response first = TestKeys.as(key).header("Idempotency-Key", "erase-once").when().delete(ROUTE);
        Response second = TestKeys.as(key).header("Idempotency-Key", "erase-once").when().delete(ROUTE);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.jsonPath().getString("jobId")).isEqualTo(first.jsonPath().getString("jobId"));
        assertThat(LocalState.drainQueue()).hasSize(1);
    }

    @Test
    void withoutAKeyItIs401() {
        Response response = TestKeys.anonymous().when().delete(ROUTE);

        assertProblem(response, 401, "unauthenticated", ROUTE);
        assertThat(LocalState.queuedMessages()).isZero();
    }

    @Test
    void aReadOnlyKeyIs403() {
        String key = TestKeys.create(owner, ApiKey.JOBS_READ);

        Response response = TestKeys.as(key).when().delete(ROUTE);

        assertProblem(response, 403, "forbidden", ROUTE);
        assertThat(LocalState.queuedMessages()).isZero();
    }

    @Test
    void dataErasureCannotBeSubmittedAsAJob() {
        Response response = TestKeys.given().contentType(ContentType.JSON)
                .body("{\"type\":\"data-erasure\",\"input\":{}}").when().post("/v1/jobs");

        assertProblem(response, 422, "validation-failed", "/v1/jobs");
        assertThat(errorFields(response)).containsExactly("type");
        assertThat(response.jsonPath().getString("errors[0].message")).doesNotContain("data-erasure");
        assertThat(LocalState.queuedMessages()).isZero();
    }

    @Test
    void theStackExpiresItemsThroughTimeToLiveOnExpiresAt() {
        var ttl = LocalState.dynamo().describeTimeToLive(b -> b.tableName(LocalState.resources().table()))
                .timeToLiveDescription();
        assertThat(ttl.attributeName()).isEqualTo(JobTable.EXPIRES_AT);
        assertThat(ttl.timeToLiveStatusAsString()).isIn("ENABLED", "ENABLING");
    }
}
