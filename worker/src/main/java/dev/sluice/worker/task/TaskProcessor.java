package dev.sluice.worker.task;

import dev.sluice.core.job.Job;
import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.JobType;
import dev.sluice.core.job.TaskOutput;
import dev.sluice.core.keys.ObjectKeys;
import dev.sluice.core.lease.Lease;
import dev.sluice.core.lease.LeaseAcquisition;
import dev.sluice.core.lease.LeaseManager;
import dev.sluice.core.lease.ShutdownRelease;
import dev.sluice.core.message.MalformedMessageException;
import dev.sluice.core.message.TaskMessage;
import dev.sluice.core.message.TaskMessageCodec;
import dev.sluice.core.store.JobStore;
import dev.sluice.worker.config.WorkerConfig;
import dev.sluice.worker.lease.Heartbeat;
import dev.sluice.worker.lease.Heartbeats;
import dev.sluice.worker.logging.TaskLogContext;
import dev.sluice.worker.metrics.LeaseMetrics;
import dev.sluice.worker.metrics.TaskMetrics;
import dev.sluice.worker.model.ModelResult;
import dev.sluice.worker.output.OutputWriter;
import dev.sluice.worker.queue.ReceiveCount;
import dev.sluice.worker.queue.TaskQueue;
import dev.sluice.worker.tracing.TaskTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import dev.sluice.worker.wiring.WorkerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Handles one message: lease, work (the model, or an erasure: {@link TaskWork}), output, commit.
 * Every write after the lease is taken is guarded twice: by the cancellation flag (set when a heartbeat
 * is refused) and by the lease's fencing token in DynamoDB, which is what actually makes a stale worker
 * harmless.
 *
 * <p>A cancelled task ends by its {@link CancelReason}: a lost lease writes nothing; a job cancelled by
 * its owner writes nothing either and its message is deleted; a task over its maximum run time is
 * FAILED; one cancelled by shutdown is handed back to the queue. A model result already in hand is
 * still committed unless the lease was lost or the job cancelled. A refused write is told apart the
 * same way: a task that reads CANCELLED was cancelled, otherwise the lease was lost.
 */
@ApplicationScoped
public class TaskProcessor {
    private static final Logger LOG = Logger.getLogger(TaskProcessor.class);

    private final LeaseManager leases;
    private final JobStore jobs;
    private final TaskQueue queue;
    private final Heartbeats heartbeats;
    private final TaskWorks works;
    private final OutputWriter outputs;
    private final RetryBackoff backoff;
    private final TaskMetrics metrics;
    private final LeaseMetrics leaseMetrics;
    private final TaskTracing tracing;
    private final Clock clock;
    private final String workerId;
    private final Duration leaseTtl;
    private final int maxShutdownReleases;
    private final InFlightTasks inFlight;

    public TaskProcessor(LeaseManager leases, JobStore jobs, TaskQueue queue, Heartbeats heartbeats,
                         TaskWorks works, OutputWriter outputs, RetryBackoff backoff, TaskMetrics metrics,
                         LeaseMetrics leaseMetrics, Clock clock, WorkerIdentity identity, WorkerConfig config,
                         InFlightTasks inFlight, TaskTracing tracing) {
        this.leases = leases;
        this.jobs = jobs;
        this.queue = queue;
        this.heartbeats = heartbeats;
        this.works = works;
        this.outputs = outputs;
        this.backoff = backoff;
        this.metrics = metrics;
        this.leaseMetrics = leaseMetrics;
        this.tracing = tracing;
        this.clock = clock;
        this.workerId = identity.id();
        this.leaseTtl = config.worker().leaseTtl();
        this.maxShutdownReleases = config.worker().maxShutdownReleases();
        this.inFlight = inFlight;
    }

    public TaskOutcome process(Message message) {
        Span span = tracing.startTask(message);
        try (Scope ignored = span.makeCurrent()) {
            TaskLogContext.worker(workerId);
            TaskLogContext.trace(span.getSpanContext());
            TaskOutcome outcome = processTraced(message, span);
            span.setAttribute("sluice.outcome", outcome.tag());
            return outcome;
        } finally {
            span.end();
        }
    }

    private TaskOutcome processTraced(Message message, Span span) {
        JobType type = null;
        TaskOutcome outcome;
        try {
            TaskMessage task = TaskMessageCodec.decode(message.body());
            type = task.type();
            TaskLogContext.task(task.jobId(), task.taskId());
            TaskTracing.describe(span, task);
            outcome = handle(message, task, span);
        } catch (MalformedMessageException e) {
            outcome = poison(message, e.getMessage());
        } catch (RuntimeException e) {
            // DynamoDB, S3 or SQS failed us: leave message and lease to expire; another attempt follows.
            LOG.errorf(e, "task abandoned after an infrastructure failure");
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            outcome = new TaskOutcome.Abandoned(e.toString());
        }
        try {
            metrics.record(type, outcome);
            LOG.infof("task finished outcome=%s", outcome);
            return outcome;
        } finally {
            TaskLogContext.clear();
        }
    }

    private TaskOutcome handle(Message message, TaskMessage task, Span span) {
        LeaseAcquisition acquisition = tracing.step("lease.acquire",
                () -> leases.acquire(task.ref(), workerId, leaseTtl));
        if (acquisition instanceof LeaseAcquisition.Acquired acquired) {
            TaskTracing.describe(span, acquired.lease());
            long start = System.nanoTime();
            metrics.waited(task.type(), Duration.between(task.enqueuedAt(), clock.instant()));
            TaskOutcome outcome = runLeased(message, task, acquired.lease());
            metrics.ran(task.type(), outcome, Duration.ofNanos(System.nanoTime() - start));
            return outcome;
        }
        leaseMetrics.refused(refusal(acquisition));
        if (acquisition instanceof LeaseAcquisition.AlreadyTerminal) {
            queue.delete(message);
            return new TaskOutcome.Duplicate();
        }
        if (acquisition instanceof LeaseAcquisition.HeldElsewhere held) {
            // Look again shortly after that lease would expire, in case its holder died.
            Duration recheck = Duration.between(clock.instant(), held.expiresAt()).plusSeconds(1);
            Duration wait = recheck.isNegative() ? Duration.ofSeconds(1) : recheck;
            queue.changeVisibility(message, wait);
            return new TaskOutcome.HeldElsewhere(wait);
        }
        // The task was erased with its owner's data or expired by retention (a task is always written
        // before its message): nothing can ever run it, and the message carries the owner's ID.
        queue.delete(message);
        LOG.info("task no longer exists (erased or expired): message deleted");
        return new TaskOutcome.Duplicate();
    }

    private static String refusal(LeaseAcquisition acquisition) {
        if (acquisition instanceof LeaseAcquisition.AlreadyTerminal) {
            return "terminal";
        }
        return acquisition instanceof LeaseAcquisition.HeldElsewhere ? "held_elsewhere" : "missing";
    }

    /**
     * Not deleted: the redrive policy moves it to the DLQ after its last receive, where an operator can
     * see it. Backing off by receive count keeps a poison message from hogging a slot meanwhile.
     */
    private TaskOutcome poison(Message message, String reason) {
        int receives = ReceiveCount.of(message);
        queue.changeVisibility(message, backoff.after(receives));
        return new TaskOutcome.Poison(reason);
    }

    private TaskOutcome runLeased(Message message, TaskMessage task, Lease lease) {
        TaskLogContext.lease(lease);
        LOG.info("lease acquired");
        Cancellation cancellation = Cancellation.forCurrentThread();
        Heartbeat heartbeat = heartbeats.start(lease, message, cancellation);
        inFlight.add(cancellation);
        try (cancellation) {
            Job job = jobs.find(task.jobId()).orElseThrow(() -> new IllegalStateException("job vanished"));
            TaskWork work = works.forType(task.type());
            ModelResult result = tracing.step(work.traceStep(), () -> work.run(job, lease, cancellation));
            if (result instanceof ModelResult.Success success && !cancellation.writesForbidden()) {
                // The result is in hand and the lease still ours: finishing takes less than handing back.
                return complete(message, job, task, success, heartbeat, cancellation);
            }
            if (cancellation.isCancelled()) {
                return cancelled(message, heartbeat, cancellation.reason().orElseThrow());
            }
            if (result instanceof ModelResult.TransientFailure failure) {
                return retry(message, heartbeat, failure.reason());
            }
            if (result instanceof ModelResult.CircuitOpen open) {
                return circuitOpen(message, heartbeat, open);
            }
            if (result instanceof ModelResult.PermanentFailure failure) {
                return fail(message, heartbeat, failure.reason());
            }
            return retry(message, heartbeat, "model call cut short without a cancellation");
        } finally {
            inFlight.remove(cancellation);
            heartbeat.stop();
        }
    }

    private TaskOutcome complete(Message message, Job job, TaskMessage task, ModelResult.Success success,
                                 Heartbeat heartbeat, Cancellation cancellation) {
        String key = ObjectKeys.output(job.ownerId(), task.ref(), ObjectKeys.extensionFor(success.contentType()));
        TaskOutput output = tracing.step("output.write", () -> outputs.write(key, success.body(), success.contentType()));
        if (cancellation.leaseLost()) {
            return new TaskOutcome.LeaseLost(((CancelReason.LeaseLost) cancellation.reason().orElseThrow()).why());
        }
        if (cancellation.writesForbidden()) {
            // Cancelled while the output was written: the reaper deletes it with the orphans.
            return cancelledByOwner(message);
        }
        heartbeat.stop();
        if (!tracing.step("lease.commit", () -> leases.complete(heartbeat.lease(), output))) {
            return refused(message, heartbeat.lease(), "commit refused");
        }
        queue.delete(message);
        return new TaskOutcome.Completed(key);
    }

    private TaskOutcome cancelled(Message message, Heartbeat heartbeat, CancelReason reason) {
        if (reason instanceof CancelReason.LeaseLost lost) {
            return new TaskOutcome.LeaseLost(lost.why());
        }
        if (reason instanceof CancelReason.JobCancelled) {
            return cancelledByOwner(message);
        }
        if (reason instanceof CancelReason.RunTimeExceeded exceeded) {
            TaskOutcome outcome = fail(message, heartbeat, exceeded.error());
            return outcome instanceof TaskOutcome.Failed ? new TaskOutcome.RunTimeExceeded(exceeded.error()) : outcome;
        }
        return releaseAtShutdown(message, heartbeat);
    }

    /**
     * Hands the task back because the worker is stopping: PENDING with the attempt given back (up to
     * the configured number of times per task), and the message visible at once so another worker
     * takes it now rather than after the lease and the message's visibility run out.
     */
    private TaskOutcome releaseAtShutdown(Message message, Heartbeat heartbeat) {
        heartbeat.stop();
        ShutdownRelease result = leases.releaseForShutdown(heartbeat.lease(), maxShutdownReleases);
        if (result == ShutdownRelease.LOST) {
            LOG.warnf("shutdown release refused: the lease was no longer held");
        } else {
            queue.changeVisibility(message, Duration.ZERO);
            LOG.infof("released at shutdown result=%s attemptGivenBack=%s", result, result == ShutdownRelease.RELEASED);
        }
        return new TaskOutcome.ReleasedAtShutdown(result);
    }

    /** Backs off by the message's receive count: it keeps growing across shutdown hand-backs, unlike attempts. */
    private TaskOutcome retry(Message message, Heartbeat heartbeat, String reason) {
        heartbeat.stop();
        if (!tracing.step("lease.release", () -> leases.releaseAfterModelFailure(heartbeat.lease(), reason))) {
            return refused(message, heartbeat.lease(), "release refused");
        }
        Duration delay = backoff.after(ReceiveCount.of(message));
        queue.changeVisibility(message, delay);
        return new TaskOutcome.Retried(reason, delay);
    }

    /**
     * The endpoint is failing for everybody: hand the task back with the first, short backoff. The
     * poller has stopped receiving meanwhile, so the message waits in the queue until a probe succeeds.
     */
    private TaskOutcome circuitOpen(Message message, Heartbeat heartbeat, ModelResult.CircuitOpen open) {
        heartbeat.stop();
        String reason = "model circuit breaker open" + open.lastFailure().map(f -> " after: " + f).orElse("");
        // This attempt reached the model and failed before the breaker opened: that failure is the
        // task's own and counts. An attempt the breaker stopped before any call says nothing about it.
        boolean modelFailedIt = open.lastFailure().isPresent();
        boolean released = tracing.step("lease.release", () -> modelFailedIt
                ? leases.releaseAfterModelFailure(heartbeat.lease(), reason)
                : leases.release(heartbeat.lease(), reason));
        if (!released) {
            return refused(message, heartbeat.lease(), "release refused");
        }
        Duration delay = backoff.after(1);
        queue.changeVisibility(message, delay);
        return new TaskOutcome.CircuitOpen(reason, delay);
    }

    private TaskOutcome fail(Message message, Heartbeat heartbeat, String reason) {
        heartbeat.stop();
        if (!tracing.step("lease.fail", () -> leases.fail(heartbeat.lease(), reason))) {
            return refused(message, heartbeat.lease(), "failure commit refused");
        }
        queue.delete(message);
        return new TaskOutcome.Failed(reason);
    }

    /**
     * The job's owner cancelled the task: no attempt will ever run it again, so the message goes now
     * rather than coming back as a duplicate.
     */
    private TaskOutcome cancelledByOwner(Message message) {
        queue.delete(message);
        LOG.info("task cancelled by its owner: nothing written, message deleted");
        return new TaskOutcome.Cancelled("job cancelled by its owner");
    }

    /** A write under the lease was refused: the job was cancelled, or another worker owns the task now. */
    private TaskOutcome refused(Message message, Lease lease, String what) {
        boolean cancelled = jobs.findTask(lease.ref()).map(t -> t.status() == JobStatus.CANCELLED).orElse(false);
        return cancelled ? cancelledByOwner(message) : lost(what);
    }

    private TaskOutcome lost(String what) {
        LOG.warnf("lease lost: %s", what);
        return new TaskOutcome.LeaseLost(what);
    }
}
