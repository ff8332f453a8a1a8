package dev.sluice.core.reaper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.MotoTable;
import dev.sluice.core.MutableClock;
import dev.sluice.core.lease.Lease;
import dev.sluice.core.lease.NamedLock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reaper's run record lives on its lock item next to the lease, and totals only grow. */
class ReaperRecordsTest {
    private static MotoTable table;

    @BeforeAll
    static void setUp() {
        table = MotoTable.create();
    }

    @AfterAll
    static void tearDown() {
        table.dynamo().close();
    }

    @Test
    void runsAddUpAndAFailedRunKeepsTheLastSuccess() {
        ReaperRecords records = new ReaperRecords(table.dynamo(), table.name(), "reaper-a");
        assertThat(records.read()).isEqualTo(ReaperRecord.none());
        Instant first = Instant.parse("2026-11-24T10:00:00Z");
        Instant second = first.plus(Duration.ofMinutes(5));

        records.record(first, Duration.ofMillis(1500), true, Map.of(ReaperAction.DLQ_FAILED, 2L, ReaperAction.LEASES_RECLAIMED, 1L));
        records.record(second, Duration.ofMillis(900), false, Map.of(ReaperAction.DLQ_FAILED, 3L));

        ReaperRecord record = records.read();
        assertThat(record.lastRunAt()).contains(second);
        assertThat(record.lastSuccessAt()).contains(first);
        assertThat(record.lastDuration()).contains(Duration.ofMillis(900));
        assertThat(record.actionTotals()).containsEntry(ReaperAction.DLQ_FAILED, 5L)
                .containsEntry(ReaperAction.LEASES_RECLAIMED, 1L).containsEntry(ReaperAction.OUTPUTS_DELETED, 0L);
    }

    @Test
    void recordingLeavesTheLockItsLeaseAndFencingToken() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
        NamedLock locks = new NamedLock(table.dynamo(), table.name(), clock);
        Lease held = locks.acquire("reaper-b", "run-1", Duration.ofMinutes(15)).orElseThrow();

        new ReaperRecords(table.dynamo(), table.name(), "reaper-b").record(clock.instant(), Duration.ofSeconds(1), true, Map.of());

        assertThat(locks.acquire("reaper-b", "run-2", Duration.ofMinutes(15))).as("still held").isEmpty();
        assertThat(locks.release(held)).isTrue();
    }
}
