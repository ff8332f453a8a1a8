package dev.sluice.worker.erasure;

import dev.sluice.core.erasure.ErasureSummary;
import dev.sluice.core.erasure.OwnerErasure;
import dev.sluice.core.job.Job;
import dev.sluice.core.job.JobType;
import dev.sluice.core.lease.Lease;
import dev.sluice.worker.model.ModelResult;
import dev.sluice.worker.task.Cancellation;
import dev.sluice.worker.task.TaskWork;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * A {@code data-erasure} task: core's {@link OwnerErasure} under the task's lease. Its output is the
 * erasure's summary (counts, owner hash, times) as JSON, committed like any output. A failure half-way
 * is transient: the next attempt resumes, since every step only deletes what is still there. A
 * cancellation (shutdown, lease lost, run time) is checked between pages of deletes.
 */
@ApplicationScoped
public class ErasureWork implements TaskWork {
    private static final Logger LOG = Logger.getLogger(ErasureWork.class);

    private final OwnerErasure erasure;

    public ErasureWork(OwnerErasure erasure) {
        this.erasure = erasure;
    }

    @Override
    public Set<JobType> types() {
        return EnumSet.of(JobType.DATA_ERASURE);
    }

    @Override
    public String traceStep() {
        return "erasure.run";
    }

    @Override
    public ModelResult run(Job job, Lease lease, Cancellation cancellation) {
        Optional<ErasureSummary> summary;
        try {
            summary = erasure.erase(job, cancellation::isCancelled);
        } catch (RuntimeException e) {
            if (cancellation.isCancelled()) {
                return new ModelResult.Cancelled();
            }
            // The SDK's messages name operations, not keys: nothing of the owner goes into lastError.
            LOG.warnf("erasure interrupted, the next attempt resumes it: %s", e.toString());
            return new ModelResult.TransientFailure("erasure interrupted: " + e.getClass().getSimpleName());
        }
        if (summary.isEmpty()) {
            return new ModelResult.Cancelled();
        }
        var counts = summary.get().counts();
        LOG.infof("erasure done ownerHash=%s jobs=%d tasks=%d idempotencyRecords=%d objectReferences=%d objects=%d"
                        + " versions=%d", summary.get().ownerHash().value(), counts.jobs(), counts.tasks(),
                counts.idempotencyRecords(), counts.objectReferences(), counts.objects(), counts.versions());
        return new ModelResult.Success(summary.get().toJson(), "application/json");
    }
}
