package dev.sluice.api.jobs.submit;

import dev.sluice.api.config.SluiceConfig;
import dev.sluice.api.limits.ActiveJobsLimit;
import dev.sluice.api.metrics.SubmissionMetrics;
import dev.sluice.api.problem.Problem;
import dev.sluice.api.problem.ProblemException;
import dev.sluice.api.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The HTTP answer to a submission's outcome, the same for every route that creates a job
 * (POST /v1/jobs, DELETE /v1/me/data): 202 with the job and its Location, or the problem.
 */
@ApplicationScoped
public class SubmissionAnswer {
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final SubmissionMetrics submissions;
    private final ActiveJobsLimit activeJobs;
    private final int retryAfterSeconds;

    public SubmissionAnswer(SubmissionMetrics submissions, ActiveJobsLimit activeJobs, SluiceConfig config) {
        this.submissions = submissions;
        this.activeJobs = activeJobs;
        this.retryAfterSeconds = config.api().retryAfterSeconds();
    }

    /** {@code keyed}: the request carried an Idempotency-Key, which decides how a 503 advises a retry. */
    public Response of(SubmissionOutcome outcome, boolean keyed) {
        if (outcome instanceof SubmissionOutcome.Accepted accepted) {
            submissions.accepted(accepted.job().type(), accepted.replayed());
            String jobId = accepted.job().jobId();
            // A relative Location survives proxies and ingresses, which an absolute one built from
            // this pod's own host name would not.
            Response.ResponseBuilder response = Response.accepted(AcceptedJob.of(jobId))
                    .header(HttpHeaders.LOCATION, "/v1/jobs/" + jobId);
            if (accepted.replayed()) {
                response.header(REPLAYED_HEADER, "true");
            }
            return response.build();
        }
        if (outcome instanceof SubmissionOutcome.ActiveJobsLimitReached) {
            throw activeJobs.refusal();
        }
        if (outcome instanceof SubmissionOutcome.KeyReused) {
            throw new ProblemException(Problem.of(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used with a different request body; use a new key"));
        }
        if (outcome instanceof SubmissionOutcome.InFlight) {
            throw new ProblemException(Problem.of(ProblemType.IDEMPOTENCY_KEY_IN_FLIGHT,
                    "A request with this Idempotency-Key is being processed; retry shortly").retryAfter(retryAfterSeconds));
        }
        if (outcome instanceof SubmissionOutcome.NotQueued notQueued) {
            submissions.notQueued(notQueued.job().type());
            String detail = keyed
                    ? "The job was saved but not queued; retry with the same Idempotency-Key to queue it"
                    : "The job was saved but not queued; it will be queued by recovery. Send an Idempotency-Key"
                            + " so that such requests can be retried without creating a second job";
            throw new ProblemException(Problem.of(ProblemType.ENQUEUE_FAILED, detail)
                    .withExtension("jobId", notQueued.job().jobId())
                    .retryAfter(retryAfterSeconds));
        }
        throw new IllegalStateException("unhandled submission outcome " + outcome);
    }
}
