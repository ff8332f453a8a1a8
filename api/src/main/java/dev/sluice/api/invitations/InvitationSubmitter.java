package dev.sluice.api.invitations;

import dev.sluice.api.jobs.submit.JobSubmitter;
import dev.sluice.api.jobs.submit.SubmissionOutcome;
import dev.sluice.api.problem.Problem;
import dev.sluice.api.problem.ProblemException;
import dev.sluice.api.problem.ProblemType;
import dev.sluice.core.invitations.Invitation;
import dev.sluice.core.invitations.InvitationCreation;
import dev.sluice.core.invitations.NewInvitation;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Creates an invitation (one transaction with its {@code sms.invite} job), then queues the task the way
 * job submissions do. If SQS fails the answer is still 201: the invitation and its PENDING task are
 * saved, and the reaper queues tasks that were never queued, so the invitation is never lost and the
 * client must not retry (a retry would be a duplicate).
 */
@ApplicationScoped
public class InvitationSubmitter {
    private static final Logger LOG = Logger.getLogger(InvitationSubmitter.class);

    private final InvitationBackend backend;
    private final JobSubmitter jobs;

    public InvitationSubmitter(InvitationBackend backend, JobSubmitter jobs) {
        this.backend = backend;
        this.jobs = jobs;
    }

    public Invitation submit(String inviterId, InvitationRequest request) {
        InvitationCreation creation = backend.store().create(new NewInvitation(inviterId, request.inviterName(), request.phone()));
        if (creation instanceof InvitationCreation.Created created) {
            MDC.put("invitationId", created.invitation().invitationId());
            try {
                SubmissionOutcome queued = jobs.enqueue(created.job());
                LOG.infof("invitation created: to=%s queued=%s", created.invitation().phoneMasked(),
                        queued instanceof SubmissionOutcome.Accepted);
            } finally {
                MDC.remove("invitationId");
            }
            return created.invitation();
        }
        if (creation instanceof InvitationCreation.DailyLimitReached limit) {
            throw new ProblemException(Problem.of(ProblemType.INVITATION_DAILY_LIMIT, "Each inviter may send "
                    + limit.limit() + " invitations per UTC day (the day starts at 00:00 UTC); retry after "
                    + limit.retryAfter().toSeconds() + " seconds").retryAfter((int) limit.retryAfter().toSeconds()));
        }
        if (creation instanceof InvitationCreation.Duplicate duplicate) {
            throw new ProblemException(Problem.of(ProblemType.INVITATION_DUPLICATE, "This number was invited in the"
                    + " last 24 hours; it was not invited again. It can be invited again in "
                    + duplicate.retryAfter().toSeconds() + " seconds").retryAfter((int) duplicate.retryAfter().toSeconds()));
        }
        if (creation instanceof InvitationCreation.Unavailable) {
            throw new ProblemException(Problem.of(ProblemType.SERVICE_UNAVAILABLE,
                    "No invitation was created; please retry").retryAfter(1));
        }
        throw new IllegalStateException("unhandled invitation outcome " + creation);
    }
}
