package dev.sluice.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.MotoTable;
import dev.sluice.core.MutableClock;
import dev.sluice.core.job.JobType;
import dev.sluice.core.job.NewJob;
import dev.sluice.core.job.TaskRef;
import dev.sluice.core.lease.LeaseManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The monitor's "oldest waiting task", read from the sparse index across its shards. */
class OldestPendingTest {

    @Test
    void theLongestWaitingPendingTaskIsFoundAndLeavesOnceLeased() {
        MotoTable table = MotoTable.create();
        try {
            MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
            JobStore jobs = new JobStore(table.dynamo(), table.name(), Duration.ofHours(1), clock);
            TaskIndex index = new TaskIndex(table.dynamo(), table.name());
            LeaseManager leases = new LeaseManager(table.dynamo(), table.name(), clock);
            assertThat(index.oldestPendingSince()).isEmpty();

            Instant first = clock.instant();
            TaskRef older = newTask(jobs);
            clock.advance(Duration.ofSeconds(10));
            for (int i = 0; i < 6; i++) {
                newTask(jobs); // spread over the shards
            }

            assertThat(index.oldestPendingSince()).contains(first);
            leases.acquire(older, "w", Duration.ofMinutes(1));
            assertThat(index.oldestPendingSince()).contains(first.plusSeconds(10));
        } finally {
            table.dynamo().close();
        }
    }

    private static TaskRef newTask(JobStore jobs) {
        return ((JobCreation.Created) jobs.create(new NewJob("o", JobType.IMAGE_GENERATION, "{}", Optional.empty(),
                UUID.randomUUID().toString()))).job().tasks().get(0).ref();
    }
}
