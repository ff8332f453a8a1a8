package dev.sluice.reaper.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.Task;
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
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operators' DLQ tools: list with task state, redrive by task or all. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(KubernetesMockResource.class)
class DlqCommandsTest {

    @Inject
    Reaper reaper;

    @Inject
    Fixtures fixtures;

    @Inject
    TestClock clock;

    @BeforeEach
    void setUp() {
        clock.reset();
        fixtures.drainDlq();
        fixtures.drainTaskQueue();
    }

    @AfterEach
    void tearDown() {
        fixtures.drainDlq();
    }

    @Test
    void listShowsEachMessageWithItsTaskStateAndLeavesThemInTheDlq() {
        TaskRef retried = fixtures.newTask();
        fixtures.failAttempt(retried, "model timed out");
        TaskRef running = fixtures.newTask();
        Lease lease = fixtures.lease(running, "worker-7", Duration.ofMinutes(10));
        fixtures.sendToDlq(Fixtures.message(retried));
        fixtures.sendToDlq(Fixtures.message(running));
        fixtures.sendToDlq("not json at all");

        CommandResult result = reaper.execute("dlq", "list");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<JsonNode> lines = result.jsonLines();
        assertThat(lines).hasSize(3);
        Map<String, JsonNode> byTask = lines.stream().filter(l -> l.has("taskId"))
                .collect(Collectors.toMap(l -> l.path("taskId").asText(), Function.identity()));
        JsonNode retriedTask = byTask.get(retried.taskId()).path("task");
        assertThat(retriedTask.path("status").asText()).isEqualTo("PENDING");
        assertThat(retriedTask.path("attempts").asInt()).isEqualTo(1);
        assertThat(retriedTask.path("lastError").asText()).isEqualTo("model timed out");
        JsonNode runningTask = byTask.get(running.taskId()).path("task");
        assertThat(runningTask.path("status").asText()).isEqualTo("PROCESSING");
        assertThat(runningTask.path("leaseOwner").asText()).isEqualTo("worker-7");
        assertThat(runningTask.path("fencingToken").asLong()).isEqualTo(lease.fencingToken());
        assertThat(runningTask.path("leaseLive").asBoolean()).isTrue();
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.path("malformed").asText()).isNotEmpty();
            assertThat(l.path("body").asText()).isEqualTo("not json at all");
        });
        assertThat(result.err()).contains("3 message(s)");
        assertThat(fixtures.peekDlqBodies()).hasSize(3);
    }

    @Test
    void redriveOfOneTaskResetsItSendsAFreshMessageAndDeletesOnlyItsDlqMessage() {
        TaskRef failed = fixtures.newTask();
        fixtures.failPermanently(failed, "model answered 400");
        TaskRef other = fixtures.newTask();
        fixtures.failAttempt(other, "model answered 503");
        fixtures.sendToDlq(Fixtures.message(failed));
        fixtures.sendToDlq(Fixtures.message(other));

        CommandResult result = reaper.execute("dlq", "redrive", "--task", failed.taskId());

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.json().path("redriven").get(0).path("taskId").asText()).isEqualTo(failed.taskId());
        Task reset = fixtures.task(failed);
        assertThat(reset.status()).isEqualTo(JobStatus.PENDING);
        assertThat(reset.attempts()).isZero();
        assertThat(reset.enqueuedAt()).isPresent();
        assertThat(fixtures.drainTaskQueue()).containsExactly(failed.taskId());
        assertThat(fixtures.peekDlqBodies()).singleElement().satisfies(body -> assertThat(body).contains(other.taskId()));
        assertThat(fixtures.task(other).attempts()).isEqualTo(1);
    }

    @Test
    void redriveAllSkipsLiveLeasesDropsStaleMessagesOfCompletedTasksAndKeepsMalformedOnes() {
        TaskRef failed = fixtures.newTask();
        fixtures.failPermanently(failed, "model answered 400");
        TaskRef running = fixtures.newTask();
        fixtures.lease(running, "worker-3", Duration.ofMinutes(10));
        TaskRef done = fixtures.newTask();
        fixtures.complete(done);
        fixtures.sendToDlq(Fixtures.message(failed));
        fixtures.sendToDlq(Fixtures.message(running));
        fixtures.sendToDlq(Fixtures.message(done));
        fixtures.sendToDlq("{\"v\":1}");

        CommandResult result = reaper.execute("dlq", "redrive", "--all");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        JsonNode json = result.json();
        assertThat(json.path("redriven")).hasSize(1);
        assertThat(json.path("notRedriven").get(0).path("taskId").asText()).isEqualTo(running.taskId());
        assertThat(json.path("notRedriven").get(0).path("reason").asText()).contains("live lease of worker-3");
        assertThat(json.path("staleDeleted").get(0).asText()).isEqualTo(done.taskId());
        assertThat(json.path("malformedLeft").asInt()).isEqualTo(1);
        assertThat(fixtures.task(failed).status()).isEqualTo(JobStatus.PENDING);
        assertThat(fixtures.task(running).status()).isEqualTo(JobStatus.PROCESSING);
        assertThat(fixtures.drainTaskQueue()).containsExactly(failed.taskId());
        assertThat(fixtures.peekDlqBodies()).hasSize(2);
    }

    @Test
    void redriveOfATaskWithoutADlqMessageSaysSoWithExitCode3() {
        CommandResult result = reaper.execute("dlq", "redrive", "--task", "no-such-task-0");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.json().path("notFound").get(0).asText()).isEqualTo("no-such-task-0");
    }
}
