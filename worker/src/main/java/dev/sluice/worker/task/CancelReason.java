package dev.sluice.worker.task;

import dev.sluice.worker.config.DurationText;
import java.time.Duration;

/** Why a running task was told to stop; each reason ends the task differently. */
public sealed interface CancelReason {

    /** Another worker owns the task now: nothing more may be written, not even a failure. */
    record LeaseLost(String why) implements CancelReason {
    }

    /**
     * The task ran past {@code sluice.worker.max-task-duration}: it is failed for good rather than
     * extended towards SQS's 12-hour visibility cap.
     */
    record RunTimeExceeded(Duration limit) implements CancelReason {
        public String error() {
            return "exceeded maximum run time of " + DurationText.of(limit);
        }
    }

    /**
     * The job's owner cancelled it (the task is CANCELLED in the table): nothing more is written, and
     * the message is deleted, since no attempt will ever run again.
     */
    record JobCancelled() implements CancelReason {
    }

    /** The worker is stopping and the drain timed out: the task is handed back to the queue. */
    record ShuttingDown() implements CancelReason {
    }
}
