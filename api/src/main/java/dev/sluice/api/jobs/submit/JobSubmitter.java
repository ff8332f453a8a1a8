package dev.sluice.api.jobs.submit;

import dev.sluice.api.limits.ActiveJobsLimit;
import dev.sluice.api.queue.TaskQueue;
import dev.sluice.core.job.Job;
import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.NewJob;
import dev.sluice.core.job.Task;
import dev.sluice.core.message.TaskMessage;
import dev.sluice.core.store.JobCreation;
import dev.sluice.core.store.JobStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Persists a job, then queues its tasks: DynamoDB first so a message never points at nothing. The two
 * writes are not atomic, so the gap is closed from the other side: a task counts as queued only once
 * {@code enqueuedAt} is set, and a replay of the same idempotent request sends every task still lacking it.
 * An owner at its cap of unfinished jobs ({@link ActiveJobsLimit}) gets no new job, but still its replays.
 */
@ApplicationScoped
public class JobSubmitter {
    private static final Logger LOG = Logger.getLogger(JobSubmitter.class);

    private final JobStore store;
    private final TaskQueue queue;
    private final Clock clock;
    private final ActiveJobsLimit activeJobs;

    public JobSubmitter(JobStore store, TaskQueue queue, Clock clock, ActiveJobsLimit activeJobs) {
        this.store = store;
        this.queue = queue;
        this.clock = clock;
        this.activeJobs = activeJobs;
    }

    public SubmissionOutcome submit(NewJob request) {
        JobCreation creation;
        // Only client jobs count against the cap: an erasure request must never be refused for the
        // very jobs it is about to erase.
        if (request.type().submittable() && activeJobs.reached(request.ownerId())) {
            // A retry of a job that already exists gets that job's answer, never a 429: it asks for
            // nothing new, and refusing it could make a client give up on a job that is running.
            Optional<JobCreation> earlier = store.earlierAnswer(request);
            if (earlier.isEmpty()) {
                return new SubmissionOutcome.ActiveJobsLimitReached();
            }
            creation = earlier.get();
        } else {
            creation = store.create(request);
        }
        if (creation instanceof JobCreation.Created created) {
            return answered(request, enqueueUnqueued(created.job(), false));
        }
        if (creation instanceof JobCreation.Replayed replayed) {
            return answered(request, enqueueUnqueued(replayed.job(), true));
        }
        if (creation instanceof JobCreation.KeyReused reused) {
            return new SubmissionOutcome.KeyReused(reused.idempotencyKey());
        }
        if (creation instanceof JobCreation.InFlight inFlight) {
            return new SubmissionOutcome.InFlight(inFlight.idempotencyKey());
        }
        throw new IllegalStateException("unhandled job creation outcome " + creation);
    }

    /**
     * Queues the unqueued tasks of a job another store just created (an invitation's {@code sms.invite}
     * job): {@code Accepted}, or {@code NotQueued} when SQS failed, in which case the task stays PENDING
     * without {@code enqueuedAt} and the reaper's stuck-PENDING sweep queues it later.
     */
    public SubmissionOutcome enqueue(Job created) {
        return enqueueUnqueued(created, false);
    }

    /**
     * Ends the key's in-flight window once this request has its answer, queued or not: a client told to
     * retry after a 503 must be able to. Failing to record it only makes retries wait out the window.
     */
    private SubmissionOutcome answered(NewJob request, SubmissionOutcome outcome) {
        Job job = outcome instanceof SubmissionOutcome.Accepted accepted ? accepted.job()
                : outcome instanceof SubmissionOutcome.NotQueued notQueued ? notQueued.job() : null;
        if (job != null && request.idempotencyKey().isPresent()) {
            try {
                store.idempotentRequestAnswered(request.ownerId(), request.idempotencyKey().get(), job.jobId());
            } catch (SdkException e) {
                LOG.warnf("Idempotency-Key of job %s not marked answered: %s", job.jobId(), e.toString());
            }
        }
        return outcome;
    }

    /**
     * Sends every PENDING task without {@code enqueuedAt}. Two concurrent replays may both send a task:
     * harmless, since workers take tasks under a DynamoDB lease and drop duplicate messages.
     */
    private SubmissionOutcome enqueueUnqueued(Job job, boolean replayed) {
        // Every line about this job carries its ID (and the task's while one is being queued).
        MDC.put("jobId", job.jobId());
        try {
            SubmissionOutcome outcome = sendUnqueued(job, replayed);
            MDC.remove("taskId");
            if (outcome instanceof SubmissionOutcome.Accepted) {
                LOG.infof("job %s: type=%s tasks=%d", replayed ? "replayed" : "accepted", job.type().wireName(),
                        job.tasks().size());
            }
            return outcome;
        } finally {
            MDC.remove("taskId");
            MDC.remove("jobId");
        }
    }

    private SubmissionOutcome sendUnqueued(Job job, boolean replayed) {
        for (Task task : job.tasks()) {
            if (task.status() != JobStatus.PENDING || task.enqueuedAt().isPresent()) {
                continue;
            }
            MDC.put("taskId", task.ref().taskId());
            try {
                queue.send(TaskMessage.of(task.ref(), task.type(), job.ownerId(), clock.instant()));
            } catch (SdkException e) {
                LOG.warnf("Job %s persisted but task %s not queued: %s", job.jobId(), task.ref().taskId(), e.toString());
                return new SubmissionOutcome.NotQueued(job, e);
            }
            try {
                store.markEnqueued(task.ref());
            } catch (SdkException e) {
                // The message is out and a worker will run the task; the worst case is that recovery
                // queues it once more, which the lease makes harmless. Failing the request would make
                // the client retry a job that is in fact running.
                LOG.warnf("Task %s queued but not marked enqueued: %s", task.ref().taskId(), e.toString());
            }
        }
        return new SubmissionOutcome.Accepted(job, replayed);
    }
}
