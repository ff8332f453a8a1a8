package dev.sluice.core.store;

import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.TaskRef;
import java.time.Instant;

/**
 * The sparse index {@code gsi2} over unfinished tasks, so the reaper finds expired leases and tasks
 * stuck in PENDING with a Query, never a Scan. Only PENDING and PROCESSING tasks carry its keys:
 *
 * <pre>
 * status       gsi2pk                 gsi2sk
 * PENDING      PENDING#{shard}        {updatedAt, 13-digit epoch millis}
 * PROCESSING   PROCESSING#{shard}     {leaseExpiresAt, 13-digit epoch millis}
 * terminal     (removed)
 * </pre>
 *
 * Tasks spread over {@link #SHARDS} partitions by task ID, so no single index partition takes every
 * write. Every state change in the lease protocol maintains these two attributes.
 */
public final class ActiveIndex {
    public static final String NAME = "gsi2";
    public static final String PK = "gsi2pk";
    public static final String SK = "gsi2sk";
    public static final int SHARDS = 4;

    private ActiveIndex() {
    }

    public static int shard(TaskRef ref) {
        return Math.floorMod(ref.taskId().hashCode(), SHARDS);
    }

    public static String partition(JobStatus status, int shard) {
        if (status.isTerminal()) {
            throw new IllegalArgumentException("terminal tasks are not indexed");
        }
        return status.name() + "#" + shard;
    }

    public static String partition(JobStatus status, TaskRef ref) {
        return partition(status, shard(ref));
    }

    public static String sortKey(Instant instant) {
        return String.format("%013d", instant.toEpochMilli());
    }

    public static Instant instantOf(String sortKey) {
        return Instant.ofEpochMilli(Long.parseLong(sortKey));
    }
}
