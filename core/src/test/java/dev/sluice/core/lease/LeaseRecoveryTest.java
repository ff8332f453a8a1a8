package dev.sluice.core.lease;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.MotoTable;
import dev.sluice.core.MutableClock;
import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.JobType;
import dev.sluice.core.job.NewJob;
import dev.sluice.core.job.Task;
import dev.sluice.core.job.TaskOutput;
import dev.sluice.core.job.TaskRef;
import dev.sluice.core.store.JobCreation;
import dev.sluice.core.store.JobStore;
import dev.sluice.core.store.JobTable;
import dev.sluice.core.store.OwnerActiveTasks;
import dev.sluice.core.store.TaskIndex;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Transitions made by the reaper and operators, and the sparse index that finds their candidates. */
class LeaseRecoveryTest {
    private static final Duration TTL = Duration.ofSeconds(30);
    private static MotoTable table;
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-02-01T00:00:00Z"));
    private static LeaseManager leases;
    private static LeaseRecovery recovery;
    private static JobStore jobs;
    private static TaskIndex index;

    @BeforeAll
    static void setUp() {
        table = MotoTable.create();
        leases = new LeaseManager(table.dynamo(), table.name(), clock);
        recovery = new LeaseRecovery(table.dynamo(), table.name(), clock);
        jobs = new JobStore(table.dynamo(), table.name(), Duration.ofHours(1), clock);
        index = new TaskIndex(table.dynamo(), table.name());
    }

    @AfterAll
    static void tearDown() {
        table.dynamo().close();
    }

    private static TaskRef newTask() {
        return newTask("o");
    }

    private static TaskRef newTask(String owner) {
        return ((JobCreation.Created) jobs.create(new NewJob(owner, JobType.IMAGE_GENERATION, "{}", Optional.empty(), "h")))
                .job().tasks().get(0).ref();
    }

    private static Lease acquire(TaskRef ref, String owner) {
        return ((LeaseAcquisition.Acquired) leases.acquire(ref, owner, TTL)).lease();
    }

    private static Task task(TaskRef ref) {
        return jobs.findTask(ref).orElseThrow();
    }

    @Test
    void expiredLeaseIsReclaimedOnlyWithTheTokenSeen() {
        TaskRef ref = newTask();
        Lease lease = acquire(ref, "dead-worker");
        assertThat(recovery.reclaimExpired(ref, lease.fencingToken(), "stale")).as("not expired yet").isFalse();
        clock.advance(TTL.plusSeconds(1));

        assertThat(recovery.reclaimExpired(ref, lease.fencingToken() + 1, "stale")).as("other token").isFalse();
        assertThat(recovery.reclaimExpired(ref, lease.fencingToken(), "lease expired")).isTrue();

        Task reclaimed = task(ref);
        assertThat(reclaimed.status()).isEqualTo(JobStatus.PENDING);
        assertThat(reclaimed.leaseOwner()).isEmpty();
        assertThat(reclaimed.lastError()).contains("lease expired");
        assertThat(leases.complete(lease, new TaskOutput("k", "image/png", 1, "x"))).as("old holder fenced off").isFalse();
    }

    @Test
    void goneOwnerIsReleasedWithoutWaitingForExpiry() {
        TaskRef ref = newTask();
        Lease lease = acquire(ref, "pod-a");

        assertThat(recovery.reclaimFromGoneOwner(ref, "pod-b", lease.fencingToken(), "gone")).isFalse();
        assertThat(recovery.reclaimFromGoneOwner(ref, "pod-a", lease.fencingToken(), "pod gone")).isTrue();
        assertThat(task(ref).status()).isEqualTo(JobStatus.PENDING);
        assertThat(acquire(ref, "pod-c").fencingToken()).isEqualTo(lease.fencingToken() + 1);
    }

    @Test
    void deadLetteredTaskFailsOnceAndNeverWhileLiveOrFinished() {
        TaskRef pending = newTask();
        assertThat(recovery.failDeadLettered(pending, "in DLQ after 5 receives")).isTrue();
        assertThat(recovery.failDeadLettered(pending, "again")).isFalse();
        assertThat(task(pending).status()).isEqualTo(JobStatus.FAILED);
        assertThat(task(pending).lastError()).contains("in DLQ after 5 receives");

        TaskRef live = newTask();
        acquire(live, "w");
        assertThat(recovery.failDeadLettered(live, "dlq")).isFalse();
        assertThat(task(live).status()).isEqualTo(JobStatus.PROCESSING);

        TaskRef done = newTask();
        leases.complete(acquire(done, "w"), new TaskOutput("k", "image/png", 1, "x"));
        assertThat(recovery.failDeadLettered(done, "dlq")).isFalse();
        assertThat(task(done).status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void deadLetteredTaskIsRequeuedUpToTheCapAndNeverWhileLiveOrFinished() {
        TaskRef unlucky = newTask();
        Lease killed = acquire(unlucky, "killed-worker");
        clock.advance(TTL.plusSeconds(1));
        for (int i = 1; i <= 2; i++) {
            assertThat(recovery.requeueDeadLettered(unlucky, 2)).as("requeue %d", i).isTrue();
            Task requeued = task(unlucky);
            assertThat(requeued.status()).isEqualTo(JobStatus.PENDING);
            assertThat(requeued.leaseOwner()).isEmpty();
            assertThat(requeued.dlqRequeues()).isEqualTo(i);
        }
        assertThat(recovery.requeueDeadLettered(unlucky, 2)).as("cap reached").isFalse();
        assertThat(task(unlucky).attempts()).as("attempts are kept").isEqualTo(1);
        assertThat(leases.complete(killed, new TaskOutput("k", "image/png", 1, "x"))).isFalse();

        TaskRef live = newTask();
        acquire(live, "w");
        assertThat(recovery.requeueDeadLettered(live, 2)).isFalse();
        assertThat(task(live).status()).isEqualTo(JobStatus.PROCESSING);

        TaskRef done = newTask();
        leases.complete(acquire(done, "w"), new TaskOutput("k", "image/png", 1, "x"));
        assertThat(recovery.requeueDeadLettered(done, 2)).isFalse();
        assertThat(task(done).status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void redriveResetsAFailedTaskButNeverACompletedOne() {
        TaskRef failed = newTask();
        leases.releaseAfterModelFailure(acquire(failed, "w"), "model throttled");
        recovery.requeueDeadLettered(failed, 3);
        leases.fail(acquire(failed, "w"), "model said no");
        assertThat(recovery.resetForRedrive(failed)).isTrue();
        Task reset = task(failed);
        assertThat(reset.status()).isEqualTo(JobStatus.PENDING);
        assertThat(reset.attempts()).isZero();
        assertThat(reset.modelFailures()).isZero();
        assertThat(reset.dlqRequeues()).isZero();
        assertThat(reset.completedAt()).isEmpty();

        TaskRef done = newTask();
        leases.complete(acquire(done, "w"), new TaskOutput("k", "image/png", 1, "x"));
        assertThat(recovery.resetForRedrive(done)).isFalse();
    }

    @Test
    void shutdownReleaseGivesTheAttemptBackUpToTheCap() {
        TaskRef ref = newTask();
        for (int i = 1; i <= 2; i++) {
            assertThat(leases.releaseForShutdown(acquire(ref, "w"), 2)).isEqualTo(ShutdownRelease.RELEASED);
            assertThat(task(ref).attempts()).isZero();
            assertThat(task(ref).shutdownReleases()).isEqualTo(i);
        }
        assertThat(leases.releaseForShutdown(acquire(ref, "w"), 2)).isEqualTo(ShutdownRelease.RELEASED_AS_ATTEMPT);
        assertThat(task(ref).attempts()).isEqualTo(1);
        assertThat(task(ref).status()).isEqualTo(JobStatus.PENDING);

        Lease stale = acquire(ref, "w");
        clock.advance(TTL.plusSeconds(1));
        acquire(ref, "other");
        assertThat(leases.releaseForShutdown(stale, 2)).isEqualTo(ShutdownRelease.LOST);
    }

    @Test
    void sparseIndexFindsExpiredLeasesAndOldPendingTasksOnly() {
        Instant start = clock.instant();
        TaskRef waiting = newTask();
        TaskRef running = newTask();
        TaskRef expired = newTask();
        TaskRef finished = newTask();
        Lease runningLease = acquire(running, "w");
        acquire(expired, "w");
        leases.complete(acquire(finished, "w"), new TaskOutput("k", "image/png", 1, "x"));
        clock.advance(TTL.minusSeconds(5));
        leases.extend(runningLease, TTL);
        clock.advance(Duration.ofSeconds(10));

        var stale = index.expiredLeases(clock.instant(), 100).stream().map(Task::ref).toList();
        assertThat(stale).contains(expired).doesNotContain(running, waiting, finished);
        assertThat(index.oldestPendingSince()).as("the longest wait, from the shared table").isPresent()
                .hasValueSatisfying(since -> assertThat(since).isBeforeOrEqualTo(start));
        var oldPending = index.pendingSince(start.plusSeconds(1), 100).stream().map(Task::ref).toList();
        assertThat(oldPending).contains(waiting).doesNotContain(running, expired, finished);
        assertThat(index.processing(100).stream().map(Task::ref).toList()).contains(running, expired)
                .doesNotContain(finished, waiting);
    }

    @Test
    void aPendingTaskIsCancelledLeavesTheIndexAndIsNeverStarted() {
        TaskRef ref = newTask();

        assertThat(recovery.cancel(ref)).isTrue();

        Task cancelled = task(ref);
        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(cancelled.completedAt()).contains(clock.instant());
        assertThat(cancelled.attempts()).isZero();
        assertThat(index.pendingSince(clock.instant().plusSeconds(3600), 1000).stream().map(Task::ref))
                .as("out of the sparse index").doesNotContain(ref);
        assertThat(leases.acquire(ref, "w", TTL)).as("its message is a harmless duplicate")
                .isEqualTo(new LeaseAcquisition.AlreadyTerminal(JobStatus.CANCELLED));
        assertThat(recovery.cancel(ref)).as("cancelling twice writes nothing").isFalse();
        assertThat(task(ref)).isEqualTo(cancelled);
    }

    @Test
    void aRunningTaskIsCancelledAndItsHolderIsRefusedEveryWrite() {
        TaskRef ref = newTask();
        Lease lease = acquire(ref, "busy-worker");

        assertThat(recovery.cancel(ref)).isTrue();

        Task cancelled = task(ref);
        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(cancelled.leaseOwner()).isEmpty();
        assertThat(cancelled.leaseExpiresAt()).isEmpty();
        assertThat(cancelled.fencingToken()).isEqualTo(lease.fencingToken());
        assertThat(index.processing(1000).stream().map(Task::ref)).doesNotContain(ref);
        assertThat(leases.extend(lease, TTL)).as("the next heartbeat is refused").isEmpty();
        assertThat(leases.complete(lease, new TaskOutput("k", "image/png", 1, "x"))).isFalse();
        assertThat(leases.fail(lease, "late failure")).isFalse();
        assertThat(leases.release(lease, "late release")).isFalse();
        assertThat(recovery.failDeadLettered(ref, "dlq")).isFalse();
        assertThat(recovery.requeueDeadLettered(ref, 3)).isFalse();
        assertThat(recovery.resetForRedrive(ref)).as("a cancelled task is not redriven").isFalse();
        assertThat(task(ref)).isEqualTo(cancelled);
    }

    @Test
    void finishedTasksAreNotCancellable() {
        TaskRef completed = newTask();
        assertThat(leases.complete(acquire(completed, "w"), new TaskOutput("k", "image/png", 1, "x"))).isTrue();
        TaskRef failed = newTask();
        assertThat(leases.fail(acquire(failed, "w"), "permanent")).isTrue();

        assertThat(recovery.cancel(completed)).isFalse();
        assertThat(recovery.cancel(failed)).isFalse();
        assertThat(recovery.cancel(new TaskRef("no-such-job", "no-such-job-0"))).as("missing").isFalse();

        assertThat(task(completed).status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(task(failed).status()).isEqualTo(JobStatus.FAILED);
    }

    @Test
    void theOwnersActiveCountFollowsEveryRecoveryTransition() {
        String owner = "owner-" + java.util.UUID.randomUUID();
        OwnerActiveTasks active = new OwnerActiveTasks(table.dynamo(), table.name());
        TaskRef cancelled = newTask(owner);
        TaskRef deadLettered = newTask(owner);
        TaskRef reclaimed = newTask(owner);
        TaskRef requeued = newTask(owner);
        TaskRef cancelledWhileRunning = newTask(owner);
        Lease reclaimedLease = acquire(reclaimed, "dead-worker");
        acquire(requeued, "killed-worker");
        acquire(cancelledWhileRunning, "busy-worker");
        clock.advance(TTL.plusSeconds(1));

        assertThat(recovery.cancel(cancelled)).isTrue();
        assertThat(recovery.cancel(cancelledWhileRunning)).isTrue();
        assertThat(recovery.failDeadLettered(deadLettered, "dlq")).isTrue();
        assertThat(recovery.reclaimExpired(reclaimed, reclaimedLease.fencingToken(), "expired")).isTrue();
        assertThat(recovery.requeueDeadLettered(requeued, 3)).isTrue();

        assertThat(active.countUpTo(owner, 100)).as("reclaimed and requeued tasks still wait").isEqualTo(2);
        assertThat(index.pendingSince(clock.instant().plusSeconds(1), 1000).stream().map(Task::ref))
                .contains(reclaimed, requeued).doesNotContain(cancelled, deadLettered);

        assertThat(recovery.resetForRedrive(deadLettered)).isTrue();
        assertThat(active.countUpTo(owner, 100)).as("a redriven task counts again").isEqualTo(3);
        assertThat(recovery.resetForRedrive(cancelled)).as("cancelled tasks stay out").isFalse();
        var redriven = table.dynamo().getItem(b -> b.tableName(table.name()).key(JobTable.taskKey(deadLettered))
                .consistentRead(true)).item();
        assertThat(redriven.get(OwnerActiveTasks.PK).s()).isEqualTo(OwnerActiveTasks.partition(owner));
        assertThat(redriven.get(OwnerActiveTasks.SK).s()).isEqualTo(deadLettered.taskId());
        assertThat(task(deadLettered).status()).isEqualTo(JobStatus.PENDING);

        assertThat(recovery.resetForRedrive(requeued)).as("redriving a PENDING task keeps it counted once").isTrue();
        assertThat(active.countUpTo(owner, 100)).isEqualTo(3);
    }

    @Test
    void namedLockIsASingleton() {
        NamedLock locks = new NamedLock(table.dynamo(), table.name(), clock);
        Lease first = locks.acquire("reaper", "run-1", TTL).orElseThrow();

        assertThat(locks.acquire("reaper", "run-2", TTL)).isEmpty();
        assertThat(locks.release(first)).isTrue();
        Lease second = locks.acquire("reaper", "run-2", TTL).orElseThrow();
        assertThat(second.fencingToken()).isGreaterThan(first.fencingToken());
        clock.advance(TTL.plusSeconds(1));
        assertThat(locks.acquire("reaper", "run-3", TTL)).isPresent();
        assertThat(locks.release(second)).as("expired and taken over").isFalse();
    }
}
