package dev.sluice.reaper.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.TaskRef;
import dev.sluice.core.lease.Lease;
import dev.sluice.core.lease.NamedLock;
import dev.sluice.core.store.TaskAttributes;
import dev.sluice.devstack.DevStack;
import dev.sluice.devstack.DevStackResource;
import dev.sluice.reaper.CommandResult;
import dev.sluice.reaper.Fixtures;
import dev.sluice.reaper.KubernetesMockResource;
import dev.sluice.reaper.Reaper;
import dev.sluice.reaper.TestClock;
import dev.sluice.reaper.lock.ReaperLock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Only one reaper acts at a time: the lock on the well-known key, taken through core's lease code. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(KubernetesMockResource.class)
class SingletonTest {

    @Inject
    Reaper reaper;

    @Inject
    Fixtures fixtures;

    @Inject
    TestClock clock;

    @Inject
    NamedLock locks;

    @BeforeEach
    void setUp() {
        clock.reset();
        fixtures.drainDlq();
        fixtures.drainTaskQueue();
    }

    @Test
    void aSecondConcurrentRunExitsWithoutActing() throws Exception {
        TaskRef ref = fixtures.newTask();
        fixtures.lease(ref, "worker-dead", Duration.ofSeconds(1));
        clock.advance(Duration.ofMinutes(1));

        // The first run takes its second look itself, 3 s later, holding the lock meanwhile.
        CompletableFuture<CommandResult> first =
                CompletableFuture.supplyAsync(() -> reaper.execute("run", "--second-look", "3s"));
        String holder = awaitLockHolder(Duration.ofSeconds(10));
        CommandResult second = reaper.execute("run");
        CommandResult firstResult = first.get(30, TimeUnit.SECONDS);

        assertThat(second.exitCode()).isZero();
        JsonNode skipped = second.json();
        assertThat(skipped.path("outcome").asText()).isEqualTo("skipped");
        assertThat(skipped.path("lock").path("heldBy").asText()).isEqualTo(holder);
        assertThat(skipped.path("steps").size()).isZero();

        assertThat(firstResult.exitCode()).as(firstResult.out() + firstResult.err()).isZero();
        assertThat(firstResult.json().path("lock").path("owner").asText()).isEqualTo(holder);
        assertThat(firstResult.step("expiredLeases", "passes")).isEqualTo(2);
        assertThat(fixtures.task(ref).status()).as("reclaimed by the second look of the same run").isEqualTo(JobStatus.PENDING);
        assertThat(fixtures.drainTaskQueue()).containsOnlyOnce(ref.taskId());
    }

    @Test
    void whileAnotherReaperHoldsTheLockNothingIsTouched() {
        TaskRef stuck = fixtures.newTask();
        clock.advance(Duration.ofHours(1));
        Lease other = locks.acquire(ReaperLock.NAME, "reaper-elsewhere", Duration.ofMinutes(5)).orElseThrow();
        try {
            CommandResult result = reaper.execute();

            assertThat(result.exitCode()).isZero();
            assertThat(result.json().path("outcome").asText()).isEqualTo("skipped");
            assertThat(result.json().path("lock").path("heldBy").asText()).isEqualTo("reaper-elsewhere");
            assertThat(Instant.parse(result.json().path("lock").path("until").asText()).toEpochMilli())
                    .isEqualTo(other.expiresAt().toEpochMilli());
            assertThat(fixtures.drainTaskQueue()).doesNotContain(stuck.taskId());
            assertThat(fixtures.task(stuck).enqueuedAt()).isEmpty();
        } finally {
            locks.release(other);
        }
        CommandResult after = reaper.execute();
        assertThat(after.json().path("outcome").asText()).isEqualTo("completed");
        assertThat(fixtures.drainTaskQueue()).contains(stuck.taskId());
    }

    private static String awaitLockHolder(Duration timeout) throws InterruptedException {
        DevStack stack = DevStack.shared();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            var item = stack.clients().dynamo().getItem(b -> b.tableName(stack.resources().table())
                    .key(NamedLock.key(ReaperLock.NAME)).consistentRead(true)).item();
            if (item != null && item.containsKey(TaskAttributes.LEASE_OWNER)) {
                return item.get(TaskAttributes.LEASE_OWNER).s();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no run took the reaper lock");
    }
}
