package dev.sluice.api.limits;

import static dev.sluice.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.LocalState;
import dev.sluice.api.TestKeys;
import dev.sluice.api.jobs.submit.SubmissionAnswer;
import dev.sluice.core.auth.ApiKey;
import dev.sluice.devstack.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The cap on an owner's unfinished jobs: 3 in this profile. No worker runs in these tests, so every
 * accepted job stays PENDING until it is cancelled.
 */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@TestProfile(SmallLimits.class)
class ActiveJobsLimitTest {

    /** A new key of {@code owner} for every request, so the profile's 5-per-window rate never interferes. */
    private static RequestSpecification as(String owner) {
        return TestKeys.as(TestKeys.create(owner, ApiKey.JOBS_READ, ApiKey.JOBS_WRITE));
    }

    private static Response submit(String owner, String idempotencyKey, String prompt) {
        return as(owner).contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey)
                .body("{\"type\":\"image-generation\",\"input\":{\"prompt\":\"" + prompt + "\"}}").when().post("/v1/jobs");
    }

    @Test
    void aSubmissionBeyondTheCapIsA429UntilAJobIsCancelled() {
        String owner = "busy-" + UUID.randomUUID();
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < SmallLimits.ACTIVE_JOBS; i++) {
            Response accepted = submit(owner, "job-" + i, "kite " + i);
            assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
            jobs.add(accepted.jsonPath().getString("jobId"));
        }

        Response refused = submit(owner, "job-over", "one too many");

        assertProblem(refused, 429, "active-jobs-limit", "/v1/jobs");
        assertThat(refused.jsonPath().getString("detail"))
                .isEqualTo("3 of 3 jobs are still running; wait for some to finish or cancel them");
        assertThat(refused.header("Retry-After")).isEqualTo(Integer.toString(SmallLimits.ACTIVE_JOBS_RETRY_AFTER));
        assertThat(refused.header("RateLimit-Policy")).isNotNull();
        assertThat(as(owner).when().get("/v1/jobs").jsonPath().getList("jobs")).as("nothing was written")
                .hasSize(SmallLimits.ACTIVE_JOBS);

        assertThat(as(owner).when().delete("/v1/jobs/" + jobs.get(0)).statusCode()).isEqualTo(202);

        Response afterCancel = submit(owner, "job-over", "one too many");
        assertThat(afterCancel.statusCode()).as("a cancelled job frees its slot: " + afterCancel.asString()).isEqualTo(202);
        assertThat(afterCancel.header(SubmissionAnswer.REPLAYED_HEADER)).isNull();
        assertProblem(submit(owner, "job-over-again", "and another"), 429, "active-jobs-limit", "/v1/jobs");
    }

    @Test
    void aRetryOfAnExistingJobIsAnsweredAtTheCap() {
        String owner = "retrying-" + UUID.randomUUID();
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < SmallLimits.ACTIVE_JOBS; i++) {
            jobs.add(submit(owner, "order-" + i, "owl " + i).jsonPath().getString("jobId"));
        }
        LocalState.purgeQueue();

        Response replay = submit(owner, "order-1", "owl 1");

        assertThat(replay.statusCode()).as(replay.asString()).isEqualTo(202);
        assertThat(replay.header(SubmissionAnswer.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(replay.jsonPath().getString("jobId")).isEqualTo(jobs.get(1));
        assertThat(LocalState.queuedMessages()).as("the job was queued already; nothing is sent again").isZero();
        assertProblem(submit(owner, "order-1", "another owl"), 422, "idempotency-key-reused", "/v1/jobs");
        assertProblem(submit(owner, "order-new", "owl 1"), 429, "active-jobs-limit", "/v1/jobs");
    }

    @Test
    void otherOwnersAreNotCapped() {
        String busy = "busy-" + UUID.randomUUID();
        for (int i = 0; i < SmallLimits.ACTIVE_JOBS; i++) {
            submit(busy, "k-" + i, "fox " + i);
        }
        assertThat(submit(busy, "k-over", "fox").statusCode()).isEqualTo(429);

        Response other = submit("idle-" + UUID.randomUUID(), "k-0", "fox 0");

        assertThat(other.statusCode()).as(other.asString()).isEqualTo(202);
    }
}
