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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The lease protocol against a real DynamoDB API (moto server). */
class LeaseManagerTest {
    private static final Duration TTL = Duration.ofSeconds(30);
    private static final TaskOutput OUTPUT = new TaskOutput("outputs/o/j/t.png", "image/png", 42, "abc");

    private static MotoTable table;
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private static LeaseManager leases;
    private static JobStore jobs;

    @BeforeAll
    static void setUp() {
        table = MotoTable.create();
        leases = new LeaseManager(table.dynamo(), table.name(), clock);
        jobs = new JobStore(table.dynamo(), table.name(), Duration.ofHours(24), clock);
    }

    @AfterAll
    static void tearDown() {
        table.dynamo().close();
    }

    private static TaskRef newTask() {
        return newTask("owner-1");
    }

    private static TaskRef newTask(String owner) {
        var created = (JobCreation.Created) jobs.create(new NewJob(owner, JobType.IMAGE_GENERATION,
                "{\"prompt\":\"p\"}", Optional.empty(), "hash"));
        return created.job().tasks().get(0).ref();
    }

    private static Task stored(TaskRef ref) {
        return jobs.findTask(ref).orElseThrow();
    }

    @Test
    void workersRacingForOneTaskHaveExactlyOneWinner() throws Exception {
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            for (int round = 0; round < 5; round++) {
                TaskRef ref = newTask();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<LeaseAcquisition>> results = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    String owner = "worker-" + i;
                    results.add(pool.submit(() -> {
                        start.await();
                        return leases.acquire(ref, owner, TTL);
                    }));
                }
                start.countDown();
                List<LeaseAcquisition> outcomes = new ArrayList<>();
                for (Future<LeaseAcquisition> f : results) {
                    outcomes.add(f.get());
                }
                List<Lease> winners = outcomes.stream()
                        .filter(LeaseAcquisition.Acquired.class::isInstance)
                        .map(a -> ((LeaseAcquisition.Acquired) a).lease())
                        .toList();
                assertThat(winners).hasSize(1);
                assertThat(outcomes).filteredOn(LeaseAcquisition.HeldElsewhere.class::isInstance).hasSize(racers - 1);
                Task task = stored(ref);
                assertThat(task.status()).isEqualTo(JobStatus.PROCESSING);
                assertThat(task.leaseOwner()).contains(winners.get(0).owner());
                assertThat(task.fencingToken()).isEqualTo(1);
                assertThat(task.attempts()).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void liveLeaseIsRefusedWithItsExpiry() {
        TaskRef ref = newTask();
        Lease a = acquired(leases.acquire(ref, "a", TTL));

        LeaseAcquisition second = leases.acquire(ref, "b", TTL);

        assertThat(second).isEqualTo(new LeaseAcquisition.HeldElsewhere("a", a.expiresAt()));
    }

    @Test
    void expiredLeaseIsTakenOverWithAHigherFencingToken() {
        TaskRef ref = newTask();
        Lease a = acquired(leases.acquire(ref, "a", TTL));
        clock.advance(TTL.plusMillis(1));

        Lease b = acquired(leases.acquire(ref, "b", TTL));

        assertThat(b.fencingToken()).isGreaterThan(a.fencingToken());
        assertThat(b.attempt()).isEqualTo(2);
        Task task = stored(ref);
        assertThat(task.leaseOwner()).contains("b");
        assertThat(task.fencingToken()).isEqualTo(b.fencingToken());
    }

    @Test
    void staleHolderCanNeitherExtendNorCommitNorRelease() {
        TaskRef ref = newTask();
        Lease stale = acquired(leases.acquire(ref, "a", TTL));
        clock.advance(TTL.plusSeconds(1));
        Lease current = acquired(leases.acquire(ref, "b", TTL));

        assertThat(leases.extend(stale, TTL)).isEmpty();
        assertThat(leases.complete(stale, OUTPUT)).isFalse();
        assertThat(leases.release(stale, "boom")).isFalse();
        assertThat(leases.fail(stale, "boom")).isFalse();

        Task untouched = stored(ref);
        assertThat(untouched.status()).isEqualTo(JobStatus.PROCESSING);
        assertThat(untouched.leaseOwner()).contains("b");
        assertThat(untouched.output()).isEmpty();
        assertThat(untouched.lastError()).isEmpty();

        assertThat(leases.complete(current, OUTPUT)).isTrue();
        Task done = stored(ref);
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.output()).contains(OUTPUT);
        assertThat(done.leaseOwner()).isEmpty();
        assertThat(done.completedAt()).isPresent();
    }

    @Test
    void sameOwnerWithAnOlderTokenIsStaleToo() {
        TaskRef ref = newTask();
        Lease first = acquired(leases.acquire(ref, "a", TTL));
        clock.advance(TTL.plusSeconds(1));
        Lease second = acquired(leases.acquire(ref, "a", TTL));

        assertThat(leases.complete(first, OUTPUT)).isFalse();
        assertThat(leases.complete(second, OUTPUT)).isTrue();
    }

    @Test
    void heartbeatMovesTheExpirySoTheTaskIsNotTakenOver() {
        TaskRef ref = newTask();
        Lease lease = acquired(leases.acquire(ref, "a", TTL));
        clock.advance(TTL.minusSeconds(1));
        Lease extended = leases.extend(lease, TTL).orElseThrow();
        clock.advance(Duration.ofSeconds(2));

        assertThat(extended.expiresAt()).isAfter(lease.expiresAt());
        assertThat(extended.fencingToken()).isEqualTo(lease.fencingToken());
        assertThat(leases.acquire(ref, "b", TTL)).isInstanceOf(LeaseAcquisition.HeldElsewhere.class);
    }

    @Test
    void releaseReturnsTheTaskToPendingAndTheNextAttemptCountsUp() {
        TaskRef ref = newTask();
        Lease first = acquired(leases.acquire(ref, "a", TTL));

        assertThat(leases.release(first, "model throttled")).isTrue();
        Task pending = stored(ref);
        assertThat(pending.status()).isEqualTo(JobStatus.PENDING);
        assertThat(pending.lastError()).contains("model throttled");
        assertThat(pending.leaseOwner()).isEmpty();

        Lease second = acquired(leases.acquire(ref, "b", TTL));
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.fencingToken()).isEqualTo(first.fencingToken() + 1);
        assertThat(stored(ref).modelFailures()).as("a plain release blames nobody").isZero();
    }

    @Test
    void onlyReleasesAfterAModelFailureCountAsModelFailures() {
        TaskRef ref = newTask();
        assertThat(leases.releaseAfterModelFailure(acquired(leases.acquire(ref, "a", TTL)), "model 503")).isTrue();
        assertThat(leases.release(acquired(leases.acquire(ref, "a", TTL)), "circuit open")).isTrue();
        Lease third = acquired(leases.acquire(ref, "a", TTL));
        assertThat(leases.releaseAfterModelFailure(third, "model 503")).isTrue();
        assertThat(leases.releaseAfterModelFailure(third, "model 503")).as("stale lease").isFalse();

        Task task = stored(ref);
        assertThat(task.attempts()).isEqualTo(3);
        assertThat(task.modelFailures()).isEqualTo(2);
        assertThat(task.lastError()).contains("model 503");
    }

    @Test
    void terminalTasksAreNotLeasedAgain() {
        TaskRef ref = newTask();
        Lease lease = acquired(leases.acquire(ref, "a", TTL));
        assertThat(leases.fail(lease, "bad input")).isTrue();
        clock.advance(TTL.multipliedBy(2));

        assertThat(leases.acquire(ref, "b", TTL)).isEqualTo(new LeaseAcquisition.AlreadyTerminal(JobStatus.FAILED));
        assertThat(stored(ref).fencingToken()).isEqualTo(lease.fencingToken());
    }

    @Test
    void unknownTaskIsMissing() {
        assertThat(leases.acquire(new TaskRef("nope", "nope-0"), "a", TTL))
                .isInstanceOf(LeaseAcquisition.Missing.class);
    }

    @Test
    void holderWhoseLeaseRanOutMayCommitWhileNobodyTookOver() {
        // Fencing, not the clock, decides: the token has not moved, so no one else did the work.
        TaskRef ref = newTask();
        Lease lease = acquired(leases.acquire(ref, "a", TTL));
        clock.advance(TTL.multipliedBy(3));

        assertThat(leases.complete(lease, OUTPUT)).isTrue();
        assertThat(leases.acquire(ref, "b", TTL)).isInstanceOf(LeaseAcquisition.AlreadyTerminal.class);
    }

    @Test
    void finishingTakesATaskOutOfItsOwnersActiveCountAndReleasingDoesNot() {
        String owner = "owner-" + java.util.UUID.randomUUID();
        OwnerActiveTasks active = new OwnerActiveTasks(table.dynamo(), table.name());
        TaskRef completed = newTask(owner);
        TaskRef failed = newTask(owner);
        TaskRef released = newTask(owner);
        TaskRef running = newTask(owner);
        assertThat(active.countUpTo(owner, 100)).isEqualTo(4);

        assertThat(leases.complete(acquired(leases.acquire(completed, "a", TTL)), OUTPUT)).isTrue();
        assertThat(leases.fail(acquired(leases.acquire(failed, "a", TTL)), "bad input")).isTrue();
        assertThat(leases.release(acquired(leases.acquire(released, "a", TTL)), "throttled")).isTrue();
        assertThat(leases.releaseForShutdown(acquired(leases.acquire(running, "a", TTL)), 3))
                .isEqualTo(ShutdownRelease.RELEASED);
        acquired(leases.acquire(running, "a", TTL));

        assertThat(active.countUpTo(owner, 100)).as("PENDING and PROCESSING count, finished tasks do not").isEqualTo(2);
        assertThat(active.countUpTo(owner, 1)).as("counting stops at the cap").isEqualTo(1);
        assertThat(item(completed)).doesNotContainKeys(OwnerActiveTasks.PK, OwnerActiveTasks.SK)
                .containsKey(OwnerActiveTasks.ACTIVE_OWNER_KEY);
        assertThat(item(failed)).doesNotContainKeys(OwnerActiveTasks.PK, OwnerActiveTasks.SK);
        assertThat(item(released).get(OwnerActiveTasks.PK).s()).isEqualTo(OwnerActiveTasks.partition(owner));
        assertThat(active.countUpTo("owner-with-nothing-" + owner, 100)).isZero();
    }

    private static java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item(TaskRef ref) {
        return table.dynamo().getItem(b -> b.tableName(table.name()).key(JobTable.taskKey(ref)).consistentRead(true)).item();
    }

    private static Lease acquired(LeaseAcquisition acquisition) {
        assertThat(acquisition).isInstanceOf(LeaseAcquisition.Acquired.class);
        return ((LeaseAcquisition.Acquired) acquisition).lease();
    }
}
