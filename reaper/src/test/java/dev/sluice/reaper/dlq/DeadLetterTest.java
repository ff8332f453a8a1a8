package dev.sluice.reaper.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.Task;
import dev.sluice.core.job.TaskRef;
import dev.sluice.core.lease.LeaseRecovery;
import dev.sluice.core.reaper.ReaperAction;
import dev.sluice.core.reaper.ReaperRecord;
import dev.sluice.core.reaper.ReaperRecords;
import dev.sluice.devstack.DevStack;
import dev.sluice.devstack.DevStackResource;
import dev.sluice.reaper.lock.ReaperLock;
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

/**
 * Tasks whose message was dead-lettered: FAILED once when the model keeps failing them (the message
 * stays in the DLQ), queued again a bounded number of times when their receives went elsewhere.
 */
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

    @Inject
    LeaseRecovery recovery;

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
        fixtures.failAttempts(ref, 3, "model answered 503");
        fixtures.sendToDlq(Fixtures.message(ref));
        fixtures.sendToDlq("{\"v\":7,\"garbage\":true}");
        // Old enough for the stuck-PENDING step too: the dead letter must win.
        clock.advance(Duration.ofHours(1));
        ReaperRecords records = new ReaperRecords(DevStack.shared().clients().dynamo(),
                DevStack.shared().resources().table(), ReaperLock.NAME);
        long failedBefore = records.read().actionTotals().getOrDefault(ReaperAction.DLQ_FAILED, 0L);
        java.time.Instant runStarted = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

        CommandResult first = reaper.execute("run");

        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.step("deadLetters", "messages")).isEqualTo(2);
        assertThat(first.step("deadLetters", "failed")).isEqualTo(1);
        assertThat(first.step("deadLetters", "malformed")).isEqualTo(1);
        Task failed = fixtures.task(ref);
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.lastError()).contains("dead-lettered after 3 attempts, 3 failed by the model; last error: model answered 503");
        assertThat(failed.completedAt()).isPresent();
        assertThat(fixtures.drainTaskQueue()).doesNotContain(ref.taskId());
        ReaperRecord record = records.read();
        assertThat(record.actionTotals()).as("recorded for the metrics").containsEntry(ReaperAction.DLQ_FAILED, failedBefore + 1);
        assertThat(record.lastSuccessAt()).hasValueSatisfying(at -> assertThat(at).isBetween(runStarted, clock.instant()));

        clock.advance(Duration.ofMinutes(5));
        CommandResult second = reaper.execute("run");

        assertThat(second.exitCode()).isZero();
        assertThat(second.step("deadLetters", "failed")).isZero();
        assertThat(second.step("deadLetters", "alreadyFinished")).isEqualTo(1);
        assertThat(fixtures.task(ref)).isEqualTo(failed);
        assertThat(fixtures.peekDlqBodies()).hasSize(2).anySatisfy(body -> assertThat(body).contains(ref.taskId()));
    }

    @Test
    void aDlqMessageOfACancelledTaskIsAlreadyFinishedNeitherFailedNorRequeued() {
        TaskRef ref = fixtures.newTask();
        fixtures.failAttempts(ref, 1, "model answered 503");
        assertThat(recovery.cancel(ref)).isTrue();
        Task cancelled = fixtures.task(ref);
        fixtures.sendToDlq(Fixtures.message(ref));
        clock.advance(Duration.ofHours(1));

        CommandResult result = reaper.execute("run");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.step("deadLetters", "alreadyFinished")).isEqualTo(1);
        assertThat(result.step("deadLetters", "failed")).isZero();
        assertThat(result.step("deadLetters", "requeued")).isZero();
        assertThat(result.step("stuckPending", "reenqueued")).isZero();
        assertThat(fixtures.task(ref)).isEqualTo(cancelled);
        assertThat(fixtures.drainTaskQueue()).doesNotContain(ref.taskId());
        assertThat(fixtures.peekDlqBodies()).singleElement().satisfies(body -> assertThat(body).contains(ref.taskId()));
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
        fixtures.failAttempts(hopeless, 3, "model answered 500");
        fixtures.sendToDlq(Fixtures.message(done));
        fixtures.sendToDlq(Fixtures.message(hopeless));

        CommandResult result = reaper.execute("run");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.step("deadLetters", "staleDeleted")).isEqualTo(1);
        assertThat(fixtures.task(done).status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(fixtures.peekDlqBodies()).singleElement().satisfies(body -> assertThat(body).contains(hopeless.taskId()));
    }

    @Test
    void aDlqMessageOfATaskThatNoLongerExistsIsDeleted() {
        // An erased or expired task: the message is all that is left, and it carries the owner's ID.
        TaskRef gone = dev.sluice.core.job.TaskRef.of(java.util.UUID.randomUUID().toString(), 0);
        TaskRef hopeless = fixtures.newTask();
        fixtures.failAttempts(hopeless, 3, "model answered 500");
        fixtures.sendToDlq(Fixtures.message(gone));
        fixtures.sendToDlq(Fixtures.message(hopeless));

        CommandResult result = reaper.execute("run");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.step("deadLetters", "missingTask")).isEqualTo(1);
        assertThat(fixtures.peekDlqBodies()).singleElement().satisfies(body -> assertThat(body).contains(hopeless.taskId()));
        assertThat(fixtures.drainTaskQueue()).doesNotContain(gone.taskId());
    }

    @Test
    void aTaskWhoseReceivesWentToCrashesIsQueuedAgainUpToTheCapThenFailed() {
        TaskRef unlucky = fixtures.newTask();
        fixtures.failAttempts(unlucky, 2, "model answered 503");
        // Its last holder was killed: the lease ran out, and the message ran out of receives.
        fixtures.lease(unlucky, "worker-killed", Duration.ofSeconds(30));
        clock.advance(Duration.ofMinutes(1));

        for (int requeue = 1; requeue <= 3; requeue++) {
            fixtures.sendToDlq(Fixtures.message(unlucky));
            CommandResult run = reaper.execute("run");

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.step("deadLetters", "requeued")).as("run %d", requeue).isEqualTo(1);
            assertThat(run.step("expiredLeases", "reclaimed")).as("the DLQ step settled it").isZero();
            Task requeued = fixtures.task(unlucky);
            assertThat(requeued.status()).isEqualTo(JobStatus.PENDING);
            assertThat(requeued.leaseOwner()).isEmpty();
            assertThat(requeued.dlqRequeues()).isEqualTo(requeue);
            assertThat(fixtures.peekDlqBodies()).as("DLQ copy deleted").isEmpty();
            assertThat(fixtures.drainTaskQueue()).as("one fresh message").containsExactly(unlucky.taskId());
            clock.advance(Duration.ofMinutes(5));
        }

        fixtures.sendToDlq(Fixtures.message(unlucky));
        CommandResult last = reaper.execute("run");

        assertThat(last.step("deadLetters", "requeued")).isZero();
        assertThat(last.step("deadLetters", "failed")).isEqualTo(1);
        Task failed = fixtures.task(unlucky);
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.lastError()).hasValueSatisfying(
                e -> assertThat(e).contains("3 attempts, 2 failed by the model, queued again 3 time(s)"));
        assertThat(fixtures.peekDlqBodies()).hasSize(1);
        assertThat(fixtures.drainTaskQueue()).isEmpty();
    }
}
