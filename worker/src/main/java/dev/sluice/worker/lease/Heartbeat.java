package dev.sluice.worker.lease;

import dev.sluice.core.lease.Lease;
import dev.sluice.core.lease.LeaseManager;
import dev.sluice.worker.logging.TaskLogContext;
import dev.sluice.worker.queue.TaskQueue;
import dev.sluice.worker.task.Cancellation;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Keeps one task's lease and its message's visibility alive while the task runs. A refused extension
 * means another worker took the task over: the task is cancelled so it writes nothing more.
 */
public final class Heartbeat {
    private static final Logger LOG = Logger.getLogger(Heartbeat.class);

    private final LeaseManager leases;
    private final TaskQueue queue;
    private final Message message;
    private final Cancellation cancellation;
    private final Duration ttl;
    private final Clock clock;
    private volatile Lease lease;
    private volatile boolean stopped;
    private volatile ScheduledFuture<?> schedule;

    Heartbeat(LeaseManager leases, TaskQueue queue, Lease lease, Message message, Cancellation cancellation,
              Duration ttl, Clock clock) {
        this.leases = leases;
        this.queue = queue;
        this.lease = lease;
        this.message = message;
        this.cancellation = cancellation;
        this.ttl = ttl;
        this.clock = clock;
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
        Optional<Lease> extended;
        try {
            extended = leases.extend(current, ttl);
        } catch (RuntimeException e) {
            LOG.warnf("heartbeat failed: %s", e.toString());
            if (!clock.instant().isBefore(current.expiresAt())) {
                lost(current, "lease expired while heartbeats failed");
            }
            return;
        }
        if (extended.isEmpty()) {
            lost(current, "lease taken over by another worker");
            return;
        }
        lease = extended.get();
        try {
            queue.changeVisibility(message, ttl);
        } catch (RuntimeException e) {
            // Not fatal: if the message reappears, the lease refuses the duplicate delivery.
            LOG.warnf("visibility extension failed: %s", e.toString());
        }
    }

    private void lost(Lease current, String why) {
        LOG.warnf("lease lost: %s", why);
        cancellation.cancel(why);
        stop();
    }
}
