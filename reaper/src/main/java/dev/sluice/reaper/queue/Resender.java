package dev.sluice.reaper.queue;

import dev.sluice.core.job.Job;
import dev.sluice.core.job.JobType;
import dev.sluice.core.job.TaskRef;
import dev.sluice.core.message.TaskMessage;
import dev.sluice.core.store.JobStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;

/**
 * Gives a PENDING task a fresh message and records {@code enqueuedAt}. Duplicates are harmless (the
 * message carries identifiers only and the lease decides who works), so re-sending is always safe.
 */
@ApplicationScoped
public class Resender {
    private final JobStore jobs;
    private final TaskQueue queue;
    private final Clock clock;

    public Resender(JobStore jobs, TaskQueue queue, Clock clock) {
        this.jobs = jobs;
        this.queue = queue;
        this.clock = clock;
    }

    /** Sends a new message for {@code ref}; false when its job no longer exists (nothing sent). */
    public boolean resend(TaskRef ref) {
        // The owner lives on the job item only; the message needs it so workers can scope their writes.
        Optional<Job> job = jobs.find(ref.jobId());
        if (job.isEmpty()) {
            return false;
        }
        resend(ref, job.get().type(), job.get().ownerId());
        return true;
    }

    public void resend(TaskRef ref, JobType type, String ownerId) {
        queue.send(TaskMessage.of(ref, type, ownerId, clock.instant()));
        jobs.markEnqueued(ref);
    }
}
