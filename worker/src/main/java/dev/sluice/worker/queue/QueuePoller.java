package dev.sluice.worker.queue;

import dev.sluice.worker.config.WorkerConfig;
import dev.sluice.worker.task.TaskProcessor;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The receive loop: one thread long-polls SQS for as many messages as there are free slots and hands
 * each to a task thread. It never holds a message it cannot start.
 */
@ApplicationScoped
public class QueuePoller {
    private static final Logger LOG = Logger.getLogger(QueuePoller.class);
    private static final long SLOT_WAIT_MILLIS = 1_000;

    private final TaskQueue queue;
    private final TaskProcessor processor;
    private final WorkerConfig.Worker config;
    private final Slots slots;
    private final ExecutorService taskThreads;
    private volatile boolean running;
    private Thread loop;

    public QueuePoller(TaskQueue queue, TaskProcessor processor, WorkerConfig config) {
        this.queue = queue;
        this.processor = processor;
        this.config = config.worker();
        this.slots = new Slots(this.config.concurrency());
        AtomicInteger n = new AtomicInteger();
        this.taskThreads = Executors.newFixedThreadPool(this.config.concurrency(),
                r -> new Thread(r, "sluice-task-" + n.incrementAndGet()));
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
        loop = new Thread(this::pollLoop, "sluice-poller");
        loop.start();
        LOG.infof("worker polling with concurrency=%d leaseTtl=%s", config.concurrency(), config.leaseTtl());
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (loop != null) {
            loop.interrupt();
        }
        taskThreads.shutdown();
        try {
            if (!taskThreads.awaitTermination(config.drainTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("drain timeout: %d tasks still running are left to lease expiry", slots.capacity() - slots.free());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isRunning() {
        return running && loop != null && loop.isAlive();
    }

    public Slots slots() {
        return slots;
    }

    private void pollLoop() {
        Duration errorPause = Duration.ofMillis(500);
        while (running) {
            int taken;
            try {
                taken = slots.takeUpTo(10, SLOT_WAIT_MILLIS);
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
                sleep(errorPause);
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
                taskThreads.execute(() -> {
                    try {
                        processor.process(message);
                    } finally {
                        slots.release(1);
                    }
                });
            }
        }
    }

    private void returnToQueue(Message message) {
        try {
            queue.changeVisibility(message, Duration.ZERO);
        } catch (RuntimeException e) {
            LOG.debugf("could not return message on shutdown: %s", e.toString());
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
