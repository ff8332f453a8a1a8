package dev.sluice.reaper.leases;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two-phase recovery of expired leases: the same fencing token seen expired on two passes. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(KubernetesMockResource.class)
class ExpiredLeaseTest {
    private static final Duration CONFIRM_AFTER = Duration.ofSeconds(30);

    @Inject
    Reaper reaper;

    @Inject
    Fixtures fixtures;

    @Inject
    TestClock clock;

    @BeforeEach
    void setUp() {
        clock.reset();
        fixtures.drainTaskQueue();
    }

    @Test
    void anExpiredLeaseIsReclaimedOnlyWhenTheSecondPassSeesTheSameToken() {
        TaskRef ref = fixtures.newTask();
        Lease dead = fixtures.lease(ref, "worker-dead", Duration.ofSeconds(5));
        clock.advance(Duration.ofMinutes(1));

        CommandResult first = reaper.execute("run");

        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.step("expiredLeases", "firstSightings")).isPositive();
        assertThat(first.step("expiredLeases", "reclaimed")).isZero();
        Task afterFirst = fixtures.task(ref);
        assertThat(afterFirst.status()).isEqualTo(JobStatus.PROCESSING);
        assertThat(afterFirst.fencingToken()).isEqualTo(dead.fencingToken());
        assertThat(fixtures.drainTaskQueue()).doesNotContain(ref.taskId());

        // A second look too soon (a heartbeat may still come) changes nothing either.
        clock.advance(CONFIRM_AFTER.dividedBy(2));
        CommandResult tooSoon = reaper.execute("run");
        assertThat(tooSoon.step("expiredLeases", "awaitingConfirmation")).isPositive();
        assertThat(fixtures.task(ref).status()).isEqualTo(JobStatus.PROCESSING);

        clock.advance(CONFIRM_AFTER);
        CommandResult second = reaper.execute("run");

        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        assertThat(second.step("expiredLeases", "reclaimed")).isPositive();
        Task reclaimed = fixtures.task(ref);
        assertThat(reclaimed.status()).isEqualTo(JobStatus.PENDING);
        assertThat(reclaimed.leaseOwner()).isEmpty();
        assertThat(reclaimed.lastError()).hasValueSatisfying(e -> assertThat(e).contains("worker-dead").contains("reclaimed"));
        assertThat(reclaimed.enqueuedAt()).isPresent();
        assertThat(fixtures.drainTaskQueue()).containsOnlyOnce(ref.taskId());
    }

    @Test
    void aLeaseWhoseTokenChangedBetweenPassesIsLeftAlone() {
        TaskRef ref = fixtures.newTask();
        fixtures.lease(ref, "worker-slow", Duration.ofSeconds(5));
        clock.advance(Duration.ofMinutes(1));
        reaper.execute("run");

        // Another worker took the task over in between, and its lease expired as well.
        Lease takeover = fixtures.lease(ref, "worker-new", Duration.ofSeconds(5));
        clock.advance(Duration.ofMinutes(1));
        CommandResult second = reaper.execute("run");

        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        assertThat(second.step("expiredLeases", "tokenChanged")).isPositive();
        Task task = fixtures.task(ref);
        assertThat(task.status()).isEqualTo(JobStatus.PROCESSING);
        assertThat(task.leaseOwner()).contains("worker-new");
        assertThat(task.fencingToken()).isEqualTo(takeover.fencingToken());
        assertThat(fixtures.drainTaskQueue()).doesNotContain(ref.taskId());
    }

    @Test
    void aLeaseRenewedBetweenPassesIsLeftAlone() {
        TaskRef ref = fixtures.newTask();
        Lease paused = fixtures.lease(ref, "worker-gc-pause", Duration.ofSeconds(5));
        clock.advance(Duration.ofMinutes(1));
        reaper.execute("run");

        // The holder's late heartbeat: same token, live again. The sighting is forgotten.
        fixtures.extend(paused, Duration.ofMinutes(10));
        clock.advance(CONFIRM_AFTER.plusSeconds(1));
        reaper.execute("run");

        Task task = fixtures.task(ref);
        assertThat(task.status()).isEqualTo(JobStatus.PROCESSING);
        assertThat(task.leaseOwner()).contains("worker-gc-pause");
    }
}
