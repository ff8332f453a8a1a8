package dev.sluice.reaper.lock;

import dev.sluice.core.lease.Lease;

/** Whether this invocation became the one reaper at work. */
public sealed interface LockAttempt {

    record Held(Lease lease) implements LockAttempt {
    }

    record HeldElsewhere(LockHolder holder) implements LockAttempt {
    }
}
