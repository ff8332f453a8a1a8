package dev.sluice.reaper.queue;

import dev.sluice.core.message.TaskMessage;
import java.time.Instant;
import java.util.Optional;

/** One message read from the DLQ: a task envelope, or a body nobody can act on. */
public sealed interface DeadLetter {

    String messageId();

    String receiptHandle();

    /** When the message was first sent (SQS keeps it across the move to the DLQ). */
    Optional<Instant> sentAt();

    /** Receives so far; in the DLQ it keeps counting from the main queue's count on most implementations. */
    int receiveCount();

    record Task(String messageId, String receiptHandle, Optional<Instant> sentAt, int receiveCount,
                TaskMessage message) implements DeadLetter {
    }

    /** Reported, never acted on: there is no task to fail or redrive. */
    record Malformed(String messageId, String receiptHandle, Optional<Instant> sentAt, int receiveCount,
                     String reason, String bodyExcerpt) implements DeadLetter {
    }
}
