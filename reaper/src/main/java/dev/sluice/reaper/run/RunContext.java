package dev.sluice.reaper.run;

import dev.sluice.core.job.TaskRef;
import dev.sluice.core.lease.Lease;
import dev.sluice.reaper.lock.ReaperLock;
import java.util.HashSet;
import java.util.Set;

/** What the steps of one run share: the lock they act under, the options, and what earlier steps saw. */
public final class RunContext {
    private final Lease lock;
    private final ReaperLock locks;
    private final RunOptions options;
    private final Set<TaskRef> deadLettered = new HashSet<>();

    public RunContext(Lease lock, ReaperLock locks, RunOptions options) {
        this.lock = lock;
        this.locks = locks;
        this.options = options;
    }

    public Lease lock() {
        return lock;
    }

    public RunOptions options() {
        return options;
    }

    /** Steps check before every write: past this point another run may take over. */
    public boolean canAct() {
        return locks.stillValid(lock);
    }

    /** Tasks whose message sits in the DLQ: re-enqueueing them would undo the dead-lettering. */
    public void markDeadLettered(TaskRef ref) {
        deadLettered.add(ref);
    }

    public boolean isDeadLettered(TaskRef ref) {
        return deadLettered.contains(ref);
    }
}
