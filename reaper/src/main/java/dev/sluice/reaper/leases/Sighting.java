package dev.sluice.reaper.leases;

import dev.sluice.core.job.TaskRef;
import java.time.Instant;

/** A lease seen expired: the task, the fencing token it had then, and when it was first seen so. */
public record Sighting(TaskRef ref, long fencingToken, Instant firstSeenAt) {
}
