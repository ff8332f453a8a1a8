package dev.sluice.api.invitations;

import dev.sluice.core.invitations.DeliveryAttempt;
import dev.sluice.core.invitations.Invitation;
import dev.sluice.core.invitations.InvitationStatus;
import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.Task;
import dev.sluice.core.job.TaskRef;
import dev.sluice.core.logging.Redaction;
import dev.sluice.core.store.JobStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Builds the inviter's view of an invitation. The status shown is the stored one, EXPIRED past the
 * expiry, or FAILED (with the task's reason) when the stored status still says QUEUED or SENDING but
 * the {@code sms.invite} task has FAILED, e.g. dead-lettered and settled by the reaper, which knows
 * nothing of invitations. Provider errors are passed through log redaction: they may quote the number.
 */
@ApplicationScoped
public class InvitationViews {
    private final JobStore jobs;
    private final ReferralUrls urls;
    private final Clock clock;

    public InvitationViews(JobStore jobs, ReferralUrls urls, Clock clock) {
        this.jobs = jobs;
        this.urls = urls;
        this.clock = clock;
    }

    public InvitationView of(Invitation invitation, boolean withAttempts) {
        Instant now = clock.instant();
        InvitationStatus status = invitation.statusAt(now);
        Optional<String> failure = invitation.failureReason();
        if (invitation.status() == InvitationStatus.QUEUED || invitation.status() == InvitationStatus.SENDING) {
            Optional<Task> task = jobs.findTask(TaskRef.of(invitation.jobId(), 0));
            if (task.isPresent() && task.get().status() == JobStatus.FAILED) {
                status = InvitationStatus.FAILED;
                failure = task.get().lastError().or(() -> Optional.of("the invitation's task failed"));
            }
        }
        List<AttemptView> attempts = withAttempts ? invitation.attempts().stream().map(InvitationViews::attempt).toList() : null;
        return new InvitationView(invitation.invitationId(), invitation.inviteCode(), status, invitation.phoneMasked(),
                invitation.inviterName(), urls.of(invitation.inviteCode()), invitation.createdAt(), invitation.updatedAt(),
                invitation.validUntil(), invitation.sentAt().orElse(null), invitation.deliveredAt().orElse(null),
                invitation.acceptedAt().orElse(null), failure.map(Redaction::redact).orElse(null), attempts);
    }

    private static AttemptView attempt(DeliveryAttempt attempt) {
        return new AttemptView(attempt.number(), attempt.at(), attempt.provider(), attempt.outcome(),
                attempt.error().map(Redaction::redact).orElse(null));
    }
}
