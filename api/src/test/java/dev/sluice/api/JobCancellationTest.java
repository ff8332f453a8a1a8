package dev.sluice.api;

import static dev.sluice.api.Problems.assertProblem;
import static dev.sluice.api.TestKeys.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.job.Job;
import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.JobType;
import dev.sluice.core.job.NewJob;
import dev.sluice.core.job.Task;
import dev.sluice.core.job.TaskOutput;
import dev.sluice.core.job.TaskRef;
import dev.sluice.core.lease.Lease;
import dev.sluice.core.lease.LeaseAcquisition;
import dev.sluice.core.lease.LeaseManager;
import dev.sluice.core.message.TaskMessage;
import dev.sluice.core.store.JobCreation;
import dev.sluice.devstack.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DELETE /v1/jobs/{id}: cancels an unfinished job through core's cancel transition. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class JobCancellationTest {
    private static final Duration TTL = Duration.ofMinutes(1);
    private LeaseManager leases;

    @BeforeEach
    void setUp() {
        LocalState.purgeQueue();
        leases = new LeaseManager(LocalState.dynamo(), LocalState.resources().table(), Clock.systemUTC());
    }

    private static String submit() {
        Response response = given().contentType(ContentType.JSON)
                .body("{\"type\":\"image-generation\",\"input\":{\"prompt\":\"cancel me\"}}".getBytes(StandardCharsets.UTF_8))
                .when().post("/v1/jobs");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
        return response.jsonPath().getString("jobId");
    }

    private Lease acquire(TaskRef ref) {
        LeaseAcquisition acquisition = leases.acquire(ref, "test-worker", TTL);
        assertThat(acquisition).isInstanceOf(LeaseAcquisition.Acquired.class);
        return ((LeaseAcquisition.Acquired) acquisition).lease();
    }

    private static Task storedTask(String jobId) {
        return LocalState.job(jobId).orElseThrow().tasks().get(0);
    }

    @Test
    void aPendingJobIsCancelledAndItsMessageIsHarmless() {
        String jobId = submit();
        String path = "/v1/jobs/" + jobId;

        Response response = given().when().delete(path);

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.jsonPath().getString("jobId")).isEqualTo(jobId);
        assertThat(response.jsonPath().getString("status")).isEqualTo("CANCELLED");
        assertThat(response.jsonPath().getString("tasks[0].status")).isEqualTo("CANCELLED");
        assertThat(response.jsonPath().getString("tasks[0].completedAt")).isNotNull();
        Task task = storedTask(jobId);
        assertThat(task.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(task.attempts()).isZero();
        assertThat(given().when().get(path).jsonPath().getString("status")).isEqualTo("CANCELLED");

        // The message is still queued; a worker receiving it is refused the lease and drops it.
        TaskMessage message = LocalState.singleMessage();
        assertThat(message.jobId()).isEqualTo(jobId);
        assertThat(leases.acquire(message.ref(), "worker", TTL))
                .isEqualTo(new LeaseAcquisition.AlreadyTerminal(JobStatus.CANCELLED));
        assertThat(storedTask(jobId)).isEqualTo(task);

        Response again = given().when().delete(path);
        assertThat(again.statusCode()).as("cancelling again is idempotent").isEqualTo(200);
        assertThat(again.jsonPath().getString("status")).isEqualTo("CANCELLED");
        assertThat(storedTask(jobId)).isEqualTo(task);
    }

    @Test
    void aRunningJobIsCancelledAndItsWorkerLosesTheLease() {
        String jobId = submit();
        Lease lease = acquire(TaskRef.of(jobId, 0));

        Response response = given().when().delete("/v1/jobs/" + jobId);

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
        assertThat(response.jsonPath().getString("status")).isEqualTo("CANCELLED");
        assertThat(leases.extend(lease, TTL)).as("the worker's next heartbeat is refused").isEmpty();
        assertThat(leases.complete(lease, new TaskOutput("k", "image/png", 1, "x"))).isFalse();
        assertThat(storedTask(jobId).status()).isEqualTo(JobStatus.CANCELLED);
        LocalState.drainQueue();
    }

    @Test
    void finishedJobsAreNotCancellable() {
        String completed = submit();
        assertThat(leases.complete(acquire(TaskRef.of(completed, 0)), new TaskOutput("k", "image/png", 1, "x"))).isTrue();
        String failed = submit();
        assertThat(leases.fail(acquire(TaskRef.of(failed, 0)), "model refused the input")).isTrue();

        for (String jobId : new String[] {completed, failed}) {
            String path = "/v1/jobs/" + jobId;
            Task before = storedTask(jobId);
            Response response = given().when().delete(path);
            assertProblem(response, 409, "job-not-cancellable", path);
            assertThat(storedTask(jobId)).isEqualTo(before);
        }
        LocalState.drainQueue();
    }

    @Test
    void unknownAndOtherOwnersJobsAre404() {
        String unknown = "/v1/jobs/" + UUID.randomUUID();
        assertProblem(given().when().delete(unknown), 404, "job-not-found", unknown);
        String odd = "/v1/jobs/not%20a%20job";
        assertProblem(given().urlEncodingEnabled(false).when().delete(odd), 404, "job-not-found", odd);

        Job foreign = ((JobCreation.Created) LocalState.store().create(new NewJob("someone-else",
                JobType.IMAGE_GENERATION, "{\"prompt\":\"x\",\"width\":64,\"height\":64}", Optional.empty(), "hash")))
                .job();
        String path = "/v1/jobs/" + foreign.jobId();
        Response response = given().when().delete(path);
        assertProblem(response, 404, "job-not-found", path);
        assertThat(response.asString()).doesNotContain("someone-else");
        assertThat(storedTask(foreign.jobId()).status()).isEqualTo(JobStatus.PENDING);
    }
}
