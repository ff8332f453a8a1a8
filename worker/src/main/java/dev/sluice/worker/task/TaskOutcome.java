package dev.sluice.worker.task;

import dev.sluice.core.lease.ShutdownRelease;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How handling one message ended; each outcome says what happened to the message. */
public sealed interface TaskOutcome {

    /** This outcome as a metric tag and span attribute, e.g. {@code lease_lost}. */
    default String tag() {
        return tagOf(getClass());
    }

    /** Every outcome's tag, so metrics can register each one before it first happens. */
    static List<String> allTags() {
        return Arrays.stream(TaskOutcome.class.getPermittedSubclasses()).map(TaskOutcome::tagOf).toList();
    }

    private static String tagOf(Class<?> outcome) {
        return outcome.getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** Output written, COMPLETED committed, message deleted. */
    record Completed(String outputKey) implements TaskOutcome {
    }

    /** Permanent failure: FAILED committed, message deleted. */
    record Failed(String reason) implements TaskOutcome {
    }

    /** Transient failure: lease released to PENDING, message visible again after {@code backoff}. */
    record Retried(String reason, Duration backoff) implements TaskOutcome {
    }

    /**
     * The model's circuit breaker was open: lease released to PENDING, message back after a short
     * {@code backoff}. Not a model failure of this task, so no growing backoff.
     */
    record CircuitOpen(String reason, Duration backoff) implements TaskOutcome {
    }

    /** Ran past {@code sluice.worker.max-task-duration}: FAILED committed, message deleted. */
    record RunTimeExceeded(String reason) implements TaskOutcome {
    }

    /**
     * The worker stopped before the task finished: handed back to PENDING (see {@link ShutdownRelease})
     * and the message made visible at once for another worker.
     */
    record ReleasedAtShutdown(ShutdownRelease result) implements TaskOutcome {
    }

    /** Another worker holds a live lease: the message is left hidden until that lease would expire. */
    record HeldElsewhere(Duration recheckIn) implements TaskOutcome {
    }

    /** The task is already terminal, or no longer exists (erased, expired): the message was deleted. */
    record Duplicate() implements TaskOutcome {
    }

    /** A commit or heartbeat was refused: another worker owns the task now; nothing more was written. */
    record LeaseLost(String reason) implements TaskOutcome {
    }

    /**
     * The job's owner cancelled the task while it ran (a heartbeat or commit was refused and the task
     * reads CANCELLED): nothing more was written, the message was deleted.
     */
    record Cancelled(String reason) implements TaskOutcome {
    }

    /** Unreadable or dangling message: left for the redrive policy to move to the DLQ. */
    record Poison(String reason) implements TaskOutcome {
    }

    /** Infrastructure failed mid-task: message and lease are left to expire and be retried. */
    record Abandoned(String reason) implements TaskOutcome {
    }
}
