package dev.sluice.reaper.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.Task;
import dev.sluice.core.job.TaskRef;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tasks whose message was dead-lettered become FAILED, once; the messages stay in the DLQ. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(KubernetesMockResource.class)
class DeadLetterTest {

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
    void aDeadLetteredTaskFailsExactlyOnceAndItsMessageStaysInTheDlq() {
        TaskRef ref = fixtures.newTask();
        fixtures.failAttempt(ref, "model answered 503");
        fixtures.sendToDlq(Fixtures.message(ref));
        fixtures.sendToDlq("{\"v\":7,\"garbage\":true}");
        // Old enough for the stuck-PENDING step too: the dead letter must win.
        clock.advance(Duration.ofHours(1));

        CommandResult first = reaper.execute("run");

        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.step("deadLetters", "messages")).isEqualTo(2);
        assertThat(first.step("deadLetters", "failed")).isEqualTo(1);
        assertThat(first.step("deadLetters", "malformed")).isEqualTo(1);
        Task failed = fixtures.task(ref);
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.lastError()).contains("dead-lettered after 1 attempt; last error: model answered 503");
        assertThat(failed.completedAt()).isPresent();
        assertThat(fixtures.drainTaskQueue()).doesNotContain(ref.taskId());

        clock.advance(Duration.ofMinutes(5));
        CommandResult second = reaper.execute("run");

        assertThat(second.exitCode()).isZero();
        assertThat(second.step("deadLetters", "failed")).isZero();
        assertThat(second.step("deadLetters", "alreadyFinished")).isEqualTo(1);
        assertThat(fixtures.task(ref)).isEqualTo(failed);
        assertThat(fixtures.peekDlqBodies()).hasSize(2).anySatisfy(body -> assertThat(body).contains(ref.taskId()));
    }

    @Test
    void aDeadLetteredTaskRunningUnderALiveLeaseIsLeftAlone() {
        TaskRef ref = fixtures.newTask();
        fixtures.lease(ref, "worker-busy", Duration.ofMinutes(10));
        fixtures.sendToDlq(Fixtures.message(ref));

        CommandResult result = reaper.execute("run");

        assertThat(result.step("deadLetters", "liveLease")).isEqualTo(1);
        assertThat(fixtures.task(ref).status()).isEqualTo(JobStatus.PROCESSING);
    }

    @Test
    void aDlqMessageOfACompletedTaskIsAStaleDuplicateAndIsDeleted() {
        TaskRef done = fixtures.newTask();
        fixtures.complete(done);
        TaskRef hopeless = fixtures.newTask();
        fixtures.failAttempt(hopeless, "model answered 500");
        fixtures.sendToDlq(Fixtures.message(done));
        fixtures.sendToDlq(Fixtures.message(hopeless));

        CommandResult result = reaper.execute("run");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.step("deadLetters", "staleDeleted")).isEqualTo(1);
        assertThat(fixtures.task(done).status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(fixtures.peekDlqBodies()).singleElement().satisfies(body -> assertThat(body).contains(hopeless.taskId()));
    }
}
