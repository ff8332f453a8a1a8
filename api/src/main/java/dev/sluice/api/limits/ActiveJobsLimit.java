package dev.sluice.api.limits;

import dev.sluice.api.config.SluiceConfig;
import dev.sluice.api.problem.Problem;
import dev.sluice.api.problem.ProblemException;
import dev.sluice.api.problem.ProblemType;
import dev.sluice.core.store.OwnerActiveTasks;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The cap on one owner's unfinished (PENDING or PROCESSING) jobs, {@code sluice.limits.active-jobs}.
 * Counted with one Query of the sparse index {@code gsi3} that stops at the cap ({@link OwnerActiveTasks};
 * a job has one task today, so tasks and jobs count alike). The index is eventually consistent: jobs
 * submitted at the same moment may all see room, so a burst can overshoot the cap by a little; the
 * per-key rate limit bounds how big such a burst can be.
 */
@ApplicationScoped
public class ActiveJobsLimit {
    private final OwnerActiveTasks active;
    private final LimitMetrics metrics;
    private final int cap;
    private final int retryAfterSeconds;

    public ActiveJobsLimit(DynamoDbClient dynamo, SluiceConfig config, LimitMetrics metrics) {
        this.active = new OwnerActiveTasks(dynamo, config.table());
        this.metrics = metrics;
        this.cap = config.limits().activeJobs();
        this.retryAfterSeconds = (int) Math.max(1, config.limits().activeJobsRetryAfter().toSeconds());
    }

    /** Whether {@code ownerId} already has as many unfinished jobs as allowed. */
    public boolean reached(String ownerId) {
        return active.countUpTo(ownerId, cap) >= cap;
    }

    /** The 429 for an owner at the cap. */
    public ProblemException refusal() {
        metrics.activeJobsRefused();
        return new ProblemException(Problem.of(ProblemType.ACTIVE_JOBS_LIMIT,
                        cap + " of " + cap + " jobs are still running; wait for some to finish or cancel them")
                .retryAfter(retryAfterSeconds));
    }
}
