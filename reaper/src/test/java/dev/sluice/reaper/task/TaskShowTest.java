package dev.sluice.reaper.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.core.job.TaskRef;
import dev.sluice.core.lease.Lease;
import dev.sluice.devstack.DevStackResource;
import dev.sluice.reaper.CommandResult;
import dev.sluice.reaper.Fixtures;
import dev.sluice.reaper.KubernetesMockResource;
import dev.sluice.reaper.Reaper;
import dev.sluice.reaper.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** `task show`: a job's full state, lease owner and fencing token included. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(KubernetesMockResource.class)
class TaskShowTest {

    @Inject
    Reaper reaper;

    @Inject
    Fixtures fixtures;

    @Inject
    TestClock clock;

    @BeforeEach
    void setUp() {
        clock.reset();
    }

    @Test
    void showsTheJobWithItsTasksLeaseOwnerAndFencingToken() {
        TaskRef ref = fixtures.newTask();
        Lease lease = fixtures.lease(ref, "worker-42", Duration.ofMinutes(2));

        CommandResult result = reaper.execute("task", "show", ref.jobId());

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode job = result.json();
        assertThat(job.path("jobId").asText()).isEqualTo(ref.jobId());
        assertThat(job.path("ownerId").asText()).isEqualTo(Fixtures.OWNER);
        assertThat(job.path("status").asText()).isEqualTo("PROCESSING");
        assertThat(job.path("input").path("width").asInt()).isEqualTo(64);
        JsonNode task = job.path("tasks").get(0);
        assertThat(task.path("taskId").asText()).isEqualTo(ref.taskId());
        assertThat(task.path("status").asText()).isEqualTo("PROCESSING");
        assertThat(task.path("attempts").asInt()).isEqualTo(1);
        assertThat(task.path("leaseOwner").asText()).isEqualTo("worker-42");
        assertThat(task.path("fencingToken").asLong()).isEqualTo(lease.fencingToken());
        assertThat(Instant.parse(task.path("leaseExpiresAt").asText()).toEpochMilli())
                .isEqualTo(lease.expiresAt().toEpochMilli());
        assertThat(task.path("leaseLive").asBoolean()).isTrue();
        assertThat(task.has("lastError")).isTrue();
        assertThat(task.has("startedAt")).isTrue();
    }

    @Test
    void showsOneTaskByIdOrIndex() {
        TaskRef ref = fixtures.newTask();

        CommandResult byId = reaper.execute("task", "show", ref.jobId(), ref.taskId());
        CommandResult byIndex = reaper.execute("task", "show", ref.jobId(), "0");

        assertThat(byId.exitCode()).isZero();
        assertThat(byId.json().path("tasks").get(0).path("status").asText()).isEqualTo("PENDING");
        assertThat(byIndex.json()).isEqualTo(byId.json());
    }

    @Test
    void aMissingJobOrTaskExitsWith3() {
        TaskRef ref = fixtures.newTask();

        CommandResult noJob = reaper.execute("task", "show", "no-such-job");
        CommandResult noTask = reaper.execute("task", "show", ref.jobId(), "7");

        assertThat(noJob.exitCode()).isEqualTo(3);
        assertThat(noJob.out()).isEmpty();
        assertThat(noJob.err()).contains("job no-such-job not found");
        assertThat(noTask.exitCode()).isEqualTo(3);
        assertThat(noTask.err()).contains(ref.jobId() + "-7");
    }
}
