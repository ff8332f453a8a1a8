package dev.sluice.worker.queue;

import dev.sluice.worker.config.WorkerConfig;
import dev.sluice.worker.model.ModelCircuit;
import dev.sluice.worker.task.CancelReason;
import dev.sluice.worker.task.InFlightTasks;
import dev.sluice.worker.task.TaskProcessor;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The receive loop: one thread long-polls SQS for as many messages as there are free slots and hands
 * each to a task thread. It never holds a message it cannot start, and it does not receive while the
 * model's circuit breaker is open (see {@link ReceiveGate}).
 */
@ApplicationScoped
public class QueuePoller {
    private static final Logger LOG = Logger.getLogger(QueuePoller.class);
    private static final long SLOT_WAIT_MILLIS = 1_000;
    /** How often a paused poller looks at the circuit breaker again. */
    private static final Duration CIRCUIT_RECHECK = Duration.ofMillis(200);
    /** After the drain timeout: time for cancelled tasks to abort their model call and hand back their lease. */
    static final Duration RELEASE_GRACE = Duration.ofSeconds(10);

    private final TaskQueue queue;
    private final TaskProcessor processor;
    private final InFlightTasks inFlight;
    private final WorkerConfig.Worker config;
    private final Slots slots;
    private final ReceiveGate gate;
    private final ExecutorService taskThreads;
    private final CountDownLatch stopping = new CountDownLatch(1);
    /** Messages handed to task threads and not finished yet (slots also count those a receive holds). */
    private final AtomicInteger activeTasks = new AtomicInteger();
    private volatile boolean running;
    private Thread loop;

    public QueuePoller(TaskQueue queue, TaskProcessor processor, InFlightTasks inFlight, ModelCircuit circuit,
                       WorkerConfig config) {
        this.queue = queue;
        this.processor = processor;
        this.inFlight = inFlight;
        this.config = config.worker();
        this.slots = new Slots(this.config.concurrency());
        this.gate = new ReceiveGate(circuit::state, slots);
        AtomicInteger n = new AtomicInteger();
        this.taskThreads = Executors.newFixedThreadPool(this.config.concurrency(),
                r -> new Thread(r, "sluice-task-" + n.incrementAndGet()));
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
        loop = new Thread(this::pollLoop, "sluice-poller");
        loop.start();
        LOG.infof("worker polling with concurrency=%d leaseTtl=%s maxTaskDuration=%s drainTimeout=%s",
                config.concurrency(), config.leaseTtl(), config.maxTaskDuration(), config.drainTimeout());
    }

    /**
     * SIGTERM: stop receiving, let running tasks finish within the drain timeout, then cancel the rest,
     * which hand their tasks back to the queue. Quarkus runs this observer to its end before it
     * destroys any bean, so heartbeats and the SDK clients keep working throughout (see Heartbeats).
     *
     * <p>The poller thread is not interrupted: the SDK turns an interrupt into an aborted call even
     * after the response arrived, and the messages of a receive in flight would stay hidden for a lease
     * TTL. Instead that receive completes and its messages are handed straight back.
     */
    void onStop(@Observes ShutdownEvent event) {
        running = false;
        stopping.countDown();
        taskThreads.shutdown();
        LOG.infof("shutdown: receiving stopped; draining %d running tasks for up to %s", activeTasks.get(),
                config.drainTimeout());
        if (!awaitTasks(config.drainTimeout())) {
            int cancelled = inFlight.cancelAll(new CancelReason.ShuttingDown());
            LOG.warnf("drain timeout after %s: cancelled %d tasks, handing them back to the queue",
                    config.drainTimeout(), cancelled);
            if (!awaitTasks(RELEASE_GRACE)) {
                LOG.errorf("%d tasks did not stop within %s; their leases are left to expire",
                        activeTasks.get(), RELEASE_GRACE);
            }
        }
        joinPoller(config.waitTime().plusSeconds(2));
        LOG.info("shutdown: drain finished");
    }

    public boolean isRunning() {
        return running && loop != null && loop.isAlive();
    }

    public Slots slots() {
        return slots;
    }

    /** Tasks handed to task threads and not finished yet. */
    public int activeTasks() {
        return activeTasks.get();
    }

    private void pollLoop() {
        Duration errorPause = Duration.ofMillis(500);
        while (running) {
            int allowed = gate.maxToReceive();
            if (allowed == 0) {
                pause(CIRCUIT_RECHECK);
                continue;
            }
            int taken;
            try {
                taken = slots.takeUpTo(allowed, SLOT_WAIT_MILLIS);
            } catch (InterruptedException e) {
                break;
            }
            if (taken == 0) {
                continue;
            }
            List<Message> messages;
            try {
                messages = queue.receive(taken, config.waitTime(), config.leaseTtl());
                errorPause = Duration.ofMillis(500);
            } catch (RuntimeException e) {
                slots.release(taken);
                if (!running) {
                    break;
                }
                LOG.warnf("receive failed, retrying in %s: %s", errorPause, e.toString());
                pause(errorPause);
                errorPause = errorPause.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
                        ? Duration.ofSeconds(30) : errorPause.multipliedBy(2);
                continue;
            }
            slots.release(taken - messages.size());
            for (Message message : messages) {
                if (!running) {
                    // Shutting down: hand the message straight back instead of holding it hidden.
                    returnToQueue(message);
                    slots.release(1);
                    continue;
                }
                activeTasks.incrementAndGet();
                taskThreads.execute(() -> {
                    try {
                        processor.process(message);
                    } finally {
                        activeTasks.decrementAndGet();
                        slots.release(1);
                    }
                });
            }
        }
    }

    private boolean awaitTasks(Duration timeout) {
        try {
            return taskThreads.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void joinPoller(Duration timeout) {
        Thread poller = loop;
        if (poller == null) {
            return;
        }
        try {
            poller.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (poller.isAlive()) {
            LOG.warnf("poller still in a receive after %s; its messages reappear after their visibility timeout", timeout);
        }
    }

    private void returnToQueue(Message message) {
        try {
            queue.changeVisibility(message, Duration.ZERO);
        } catch (RuntimeException e) {
            LOG.debugf("could not return message on shutdown: %s", e.toString());
        }
    }

    /** Sleeps, but wakes up at once when shutdown begins. */
    private void pause(Duration d) {
        try {
            stopping.await(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
