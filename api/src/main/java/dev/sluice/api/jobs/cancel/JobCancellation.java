package dev.sluice.api.jobs.cancel;

import dev.sluice.core.job.Job;
import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.Task;
import dev.sluice.core.lease.LeaseRecovery;
import dev.sluice.core.store.JobStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * DELETE /v1/jobs/{id}: cancels every unfinished task with core's {@link LeaseRecovery#cancel}, one
 * conditional write per task. A PENDING task is then never started (its message is dropped as a
 * duplicate); a worker running one stops at its next heartbeat, because the extension requires
 * PROCESSING, and writes nothing. A task that finishes in the meantime wins: the write is refused and
 * the job is read again.
 */
@ApplicationScoped
public class JobCancellation {
    private static final int ROUNDS = 3;

    /** What the request did, with the job as it is afterwards. */
    public sealed interface Result {
        Job job();

        /** At least one task was cancelled by this request. */
        record Cancelled(Job job) implements Result {
        }

        /** The job had been cancelled before: nothing was written. */
        record AlreadyCancelled(Job job) implements Result {
        }

        /** The job is COMPLETED or FAILED: it cannot be cancelled. */
        record Finished(Job job) implements Result {
        }
    }

    private final JobStore store;
    private final LeaseRecovery recovery;

    public JobCancellation(JobStore store, LeaseRecovery recovery) {
        this.store = store;
        this.recovery = recovery;
    }

    /** Empty when there is no such job of {@code ownerId}. */
    public Optional<Result> cancel(String ownerId, String jobId) {
        boolean cancelledAny = false;
        for (int round = 0; round < ROUNDS; round++) {
            Optional<Job> found = store.find(jobId).filter(job -> job.ownerId().equals(ownerId));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Job job = found.get();
            if (job.status() == JobStatus.CANCELLED) {
                return Optional.of(cancelledAny ? new Result.Cancelled(job) : new Result.AlreadyCancelled(job));
            }
            if (job.status().isTerminal()) {
                return Optional.of(new Result.Finished(job));
            }
            for (Task task : job.tasks()) {
                if (!task.status().isTerminal() && recovery.cancel(task.ref())) {
                    cancelledAny = true;
                }
            }
        }
        throw new IllegalStateException("job " + jobId + " changed state on every attempt to cancel it");
    }
}
