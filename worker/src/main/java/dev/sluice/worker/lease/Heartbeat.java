package dev.sluice.worker.lease;

import dev.sluice.core.lease.Lease;
import dev.sluice.core.job.JobStatus;
import dev.sluice.core.lease.LeaseManager;
import dev.sluice.core.store.JobStore;
import dev.sluice.worker.config.DurationText;
import dev.sluice.worker.logging.TaskLogContext;
import dev.sluice.worker.metrics.LeaseMetrics;
import dev.sluice.worker.queue.TaskQueue;
import dev.sluice.worker.task.CancelReason;
import dev.sluice.worker.task.Cancellation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Keeps one task's lease and its message's visibility alive while the task runs. A refused extension
 * means another worker took the task over, or the job's owner cancelled it (told apart by reading the
 * task): either way the task is cancelled so it writes nothing more. A task
 * that runs past its maximum run time is cancelled too, and no longer extended: SQS would refuse to
 * hide its message beyond 12 hours anyway.
 */
public final class Heartbeat {
    private static final Logger LOG = Logger.getLogger(Heartbeat.class);

    private final LeaseManager leases;
    private final JobStore jobs;
    private final TaskQueue queue;
    private final Message message;
    private final Cancellation cancellation;
    private final Duration ttl;
    private final Duration maxRunTime;
    private final Instant deadline;
    private final Clock clock;
    private final LeaseMetrics metrics;
    private volatile Lease lease;
    private volatile boolean stopped;
    private volatile ScheduledFuture<?> schedule;

    Heartbeat(LeaseManager leases, JobStore jobs, TaskQueue queue, Lease lease, Message message,
              Cancellation cancellation, Duration ttl, Duration maxRunTime, Clock clock, LeaseMetrics metrics) {
        this.leases = leases;
        this.jobs = jobs;
        this.queue = queue;
        this.lease = lease;
        this.message = message;
        this.cancellation = cancellation;
        this.ttl = ttl;
        this.maxRunTime = maxRunTime;
        this.clock = clock;
        this.metrics = metrics;
        this.deadline = clock.instant().plus(maxRunTime);
    }

    void scheduledAs(ScheduledFuture<?> future) {
        this.schedule = future;
    }

    /** The lease as last extended: commits must use its fencing token. */
    public Lease lease() {
        return lease;
    }

    public void stop() {
        stopped = true;
        ScheduledFuture<?> s = schedule;
        if (s != null) {
            s.cancel(false);
        }
    }

    void beat() {
        if (stopped) {
            return;
        }
        Lease current = lease;
        TaskLogContext.lease(current);
        try {
            beat(current);
        } finally {
            TaskLogContext.clear();
        }
    }

    private void beat(Lease current) {
        if (!clock.instant().isBefore(deadline)) {
            // The last extension was made before the deadline, so the message stays hidden for at most
            // maxRunTime + TTL (validated to be within SQS's 12 hours) while the task fails itself;
            // the failure commit is fenced, so it holds even if the lease has run out by then.
            LOG.warnf("task exceeded its maximum run time of %s: cancelling it", DurationText.of(maxRunTime));
            cancellation.cancel(new CancelReason.RunTimeExceeded(maxRunTime));
            stop();
            return;
        }
        Optional<Lease> extended;
        try {
            extended = leases.extend(current, ttl);
        } catch (RuntimeException e) {
            metrics.leaseExtensionFailed();
            LOG.warnf("heartbeat failed: %s", e.toString());
            if (!clock.instant().isBefore(current.expiresAt())) {
                lost("lease expired while heartbeats failed");
            }
            return;
        }
        if (extended.isEmpty()) {
            if (cancelledByOwner(current)) {
                LOG.info("job cancelled by its owner: stopping the task");
                cancellation.cancel(new CancelReason.JobCancelled());
                stop();
                return;
            }
            lost("lease taken over by another worker");
            return;
        }
        lease = extended.get();
        metrics.heartbeat();
        try {
            queue.changeVisibility(message, ttl);
        } catch (RuntimeException e) {
            // Not fatal: if the message reappears, the lease refuses the duplicate delivery.
            metrics.visibilityExtensionFailed();
            LOG.warnf("visibility extension failed: %s", e.toString());
        }
    }

    /** A refused extension is a cancellation when the task now reads CANCELLED; unreadable counts as lost. */
    private boolean cancelledByOwner(Lease current) {
        try {
            return jobs.findTask(current.ref()).map(t -> t.status() == JobStatus.CANCELLED).orElse(false);
        } catch (RuntimeException e) {
            LOG.warnf("could not read the task after a refused heartbeat: %s", e.toString());
            return false;
        }
    }

    private void lost(String why) {
        LOG.warnf("lease lost: %s", why);
        cancellation.cancel(new CancelReason.LeaseLost(why));
        stop();
    }
}
