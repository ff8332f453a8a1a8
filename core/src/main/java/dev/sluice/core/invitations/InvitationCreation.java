package dev.sluice.core.invitations;

import dev.sluice.core.job.Job;
import java.time.Duration;

/** What came of a request to create an invitation: nothing is written unless it is {@link Created}. */
public sealed interface InvitationCreation {

    /** Written with its {@code sms.invite} job in one transaction; the job's task still has to be queued. */
    record Created(Invitation invitation, Job job) implements InvitationCreation {
    }

    /** The inviter used up today's invitations (UTC day); the next day starts in {@code retryAfter}. */
    record DailyLimitReached(int limit, Duration retryAfter) implements InvitationCreation {
    }

    /** Someone invited this number within the last 24 hours; the number may be invited again in {@code retryAfter}. */
    record Duplicate(Duration retryAfter) implements InvitationCreation {
    }

    /** No unused invite code was found in a few tries, or the writes kept clashing: try again later. */
    record Unavailable(String reason) implements InvitationCreation {
    }
}
