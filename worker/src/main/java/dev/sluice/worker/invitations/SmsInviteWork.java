package dev.sluice.worker.invitations;

import dev.sluice.core.invitations.AttemptOutcome;
import dev.sluice.core.invitations.DeliveryAttempt;
import dev.sluice.core.invitations.Invitation;
import dev.sluice.core.invitations.InvitationDelivery;
import dev.sluice.core.invitations.InvitationStatus;
import dev.sluice.core.invitations.InvitationUpdate;
import dev.sluice.core.invitations.SendingStart;
import dev.sluice.core.job.Job;
import dev.sluice.core.job.JobType;
import dev.sluice.core.lease.Lease;
import dev.sluice.worker.model.ModelResult;
import dev.sluice.worker.sms.SentLookup;
import dev.sluice.worker.task.Cancellation;
import dev.sluice.worker.task.TaskWork;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import java.util.EnumSet;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * An {@code sms.invite} task: sends the invitation's SMS at most once. Before the provider is called
 * the invitation goes SENDING under this lease's fencing token; SENT is written only with that token.
 * If an earlier attempt stopped in between (SENDING under an older token), its SMS may have gone out:
 * a provider that lists what it sent (Twilio) is asked, and one that cannot (SNS) is not sent to again;
 * the invitation then fails as "delivery unknown" (docs/architecture.md, "Invitations").
 */
@ApplicationScoped
public class SmsInviteWork implements TaskWork {
    private static final Logger LOG = Logger.getLogger(SmsInviteWork.class);

    private final InvitationDelivery delivery;
    private final InviteSms sms;
    private final Clock clock;

    public SmsInviteWork(InvitationDelivery delivery, InviteSms sms, Clock clock) {
        this.delivery = delivery;
        this.sms = sms;
        this.clock = clock;
    }

    @Override
    public Set<JobType> types() {
        return EnumSet.of(JobType.SMS_INVITE);
    }

    @Override
    public String traceStep() {
        return "sms.send";
    }

    @Override
    public ModelResult run(Job job, Lease lease, Cancellation cancellation) {
        String id = InvitationOutput.invitationId(job.input());
        SendingStart start = delivery.markSending(id, lease.fencingToken());
        if (start instanceof SendingStart.Started started) {
            return sms.send(started.invitation(), lease);
        }
        if (start instanceof SendingStart.PreviouslyStarted earlier) {
            return afterUnfinishedAttempt(earlier, lease);
        }
        if (start instanceof SendingStart.NothingToSend nothing) {
            return settled(nothing.invitation());
        }
        if (start instanceof SendingStart.Superseded) {
            // A newer lease holds the invitation: this one is stale and its commit would be refused.
            return new ModelResult.TransientFailure("a newer attempt holds the invitation");
        }
        LOG.infof("invitation gone (erased or expired) invitationId=%s", id);
        return new ModelResult.PermanentFailure("invitation no longer exists");
    }

    private ModelResult afterUnfinishedAttempt(SendingStart.PreviouslyStarted earlier, Lease lease) {
        Invitation invitation = earlier.invitation();
        SentLookup lookup = sms.findSent(invitation, earlier.since());
        LOG.warnf("an earlier attempt stopped while sending invitationId=%s previousToken=%d lookup=%s",
                invitation.invitationId(), earlier.previousToken(), lookup.getClass().getSimpleName());
        if (lookup instanceof SentLookup.Found found) {
            InvitationUpdate sent = delivery.markSent(invitation.invitationId(), lease.fencingToken(), sms.provider(),
                    found.providerMessageId(), attempt(AttemptOutcome.SENT, found.providerMessageId(), "found at the provider"));
            return sent instanceof InvitationUpdate.Applied applied ? InvitationOutput.of(applied.invitation())
                    : new ModelResult.TransientFailure("sent, but recording it was refused");
        }
        if (lookup instanceof SentLookup.NotFound) {
            return sms.send(invitation, lease);
        }
        if (lookup instanceof SentLookup.Failed failed) {
            return new ModelResult.TransientFailure("cannot tell whether the earlier attempt sent: " + failed.reason());
        }
        String reason = "delivery unknown: an earlier attempt stopped between sending and recording, and "
                + sms.provider() + " cannot say whether it sent; not sent again to avoid a duplicate";
        delivery.markFailed(invitation.invitationId(), reason, attempt(AttemptOutcome.UNKNOWN, null, reason));
        return new ModelResult.PermanentFailure(reason);
    }

    private static ModelResult settled(Invitation invitation) {
        if (invitation.status() == InvitationStatus.FAILED || invitation.status() == InvitationStatus.EXPIRED) {
            return new ModelResult.PermanentFailure(invitation.failureReason().orElse("invitation " + invitation.status()));
        }
        // SENT, DELIVERED, ACCEPTED: an earlier attempt finished the work; this one only completes the task.
        return InvitationOutput.of(invitation);
    }

    private DeliveryAttempt attempt(AttemptOutcome outcome, String messageId, String note) {
        return DeliveryAttempt.of(clock.instant(), sms.provider(), outcome, Optional.ofNullable(messageId), Optional.ofNullable(note));
    }
}
