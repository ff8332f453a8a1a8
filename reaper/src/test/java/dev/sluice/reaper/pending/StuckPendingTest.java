package dev.sluice.reaper.pending;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.job.JobStatus;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tasks persisted but never enqueued (the API died in between) get their message from the reaper. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(KubernetesMockResource.class)
class StuckPendingTest {

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

    @Test
    void aTaskPendingPastTheThresholdIsReEnqueuedOnceAndARecentOneIsNot() {
        TaskRef stuck = fixtures.newTask();
        clock.advance(Duration.ofMinutes(16));
        TaskRef recent = fixtures.newTask();

        CommandResult first = reaper.execute("run");

        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.step("stuckPending", "reenqueued")).isPositive();
        assertThat(fixtures.drainTaskQueue()).containsOnlyOnce(stuck.taskId()).doesNotContain(recent.taskId());
        assertThat(fixtures.task(stuck).status()).isEqualTo(JobStatus.PENDING);
        assertThat(fixtures.task(stuck).enqueuedAt()).isPresent();
        assertThat(fixtures.task(recent).enqueuedAt()).isEmpty();

        // Its message is on its way now: the next run does not send another one.
        clock.advance(Duration.ofMinutes(5));
        CommandResult second = reaper.execute("run");

        assertThat(second.step("stuckPending", "reenqueued")).isZero();
        assertThat(fixtures.drainTaskQueue()).doesNotContain(stuck.taskId(), recent.taskId());
    }
}
