package dev.sluice.worker.lease;

import dev.sluice.core.lease.Lease;
import dev.sluice.core.lease.LeaseManager;
import dev.sluice.core.store.JobStore;
import dev.sluice.worker.config.WorkerConfig;
import dev.sluice.worker.metrics.LeaseMetrics;
import dev.sluice.worker.queue.TaskQueue;
import dev.sluice.worker.task.Cancellation;
import io.opentelemetry.context.Context;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Runs every task's heartbeat on its own small scheduler, never on the task threads, so a model call
 * that blocks for minutes cannot delay the extension of its own lease.
 *
 * <p>Shutdown: heartbeats must go on while the poller drains running tasks (a worker whose heartbeats
 * stop at SIGTERM loses its leases mid-drain and the tasks run twice). The scheduler is shut down only
 * by {@link #shutdown()}, a {@code @PreDestroy}: Quarkus notifies every {@code ShutdownEvent} observer,
 * {@code QueuePoller.onStop} with its whole drain included, before it destroys any bean (the
 * container's shutdown task was registered first and shutdown tasks run last-in first-out). The SDK
 * clients are closed by their beans' destroyers at that same later point.
 */
@ApplicationScoped
public class Heartbeats {
    private final LeaseManager leases;
    private final JobStore jobs;
    private final TaskQueue queue;
    private final Clock clock;
    private final Duration ttl;
    private final Duration maxRunTime;
    private final LeaseMetrics metrics;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "sluice-heartbeat");
        t.setDaemon(true);
        return t;
    });

    public Heartbeats(LeaseManager leases, JobStore jobs, TaskQueue queue, Clock clock, WorkerConfig config,
                      LeaseMetrics metrics) {
        this.jobs = jobs;
        this.metrics = metrics;
        this.leases = leases;
        this.queue = queue;
        this.clock = clock;
        this.ttl = config.worker().leaseTtl();
        this.maxRunTime = config.worker().maxTaskDuration();
    }

    /** Beats every third of the lease window: two beats may fail before the lease runs out. */
    public Heartbeat start(Lease lease, Message message, Cancellation cancellation) {
        Heartbeat heartbeat = new Heartbeat(leases, jobs, queue, lease, message, cancellation, ttl, maxRunTime,
                clock, metrics);
        long periodMillis = Math.max(1, ttl.toMillis() / 3);
        // The task's trace context goes along, so the extensions' DynamoDB and SQS calls show up in the
        // task's trace instead of starting a trace each.
        heartbeat.scheduledAs(scheduler.scheduleWithFixedDelay(
                Context.current().wrap(heartbeat::beat), periodMillis, periodMillis, TimeUnit.MILLISECONDS));
        return heartbeat;
    }

    @PreDestroy
    void shutdown() {
        scheduler.shutdownNow();
    }
}
