package dev.sluice.reaper.dlq;

import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.Task;
import dev.sluice.core.lease.LeaseRecovery;
import dev.sluice.core.store.JobStore;
import dev.sluice.reaper.config.ReaperConfig;
import dev.sluice.reaper.queue.DeadLetter;
import dev.sluice.reaper.queue.DeadLetterQueue;
import dev.sluice.reaper.queue.Resender;
import dev.sluice.reaper.run.MaintenanceStep;
import dev.sluice.reaper.run.RunContext;
import dev.sluice.reaper.run.StepReport;
import dev.sluice.reaper.run.TaskLog;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Settles tasks whose message reached the DLQ. SQS dead-letters a message after a number of receives,
 * but receives are also used up by workers killed mid-attempt, outages and duplicate copies, so the
 * DLQ alone does not say the task is hopeless; the task's count of model failures does:
 * <ul>
 *   <li>the model failed it often enough: FAILED with the reason, so clients stop waiting; the message
 *       stays in the DLQ for an operator (who may redrive it);</li>
 *   <li>it did not: the task is queued again with a fresh message and the DLQ copy is deleted, a
 *       bounded number of times, after which it is FAILED like a hopeless one;</li>
 *   <li>it COMPLETED through another copy: the DLQ copy is a stale duplicate and is deleted;</li>
 *   <li>it is FAILED or CANCELLED already: counted as already finished, the message is left alone.</li>
 * </ul>
 * Every transition applies only to unfinished tasks without a live lease, so a second run changes nothing.
 */
@ApplicationScoped
public class DeadLetterStep implements MaintenanceStep {
    private static final Logger LOG = Logger.getLogger(DeadLetterStep.class);

    private final DeadLetterQueue dlq;
    private final JobStore jobs;
    private final LeaseRecovery recovery;
    private final Resender resender;
    private final int limit;
    private final int hopelessAfter;
    private final int maxRequeues;

    public DeadLetterStep(DeadLetterQueue dlq, JobStore jobs, LeaseRecovery recovery, Resender resender,
                          ReaperConfig config) {
        this.dlq = dlq;
        this.jobs = jobs;
        this.recovery = recovery;
        this.resender = resender;
        this.limit = config.dlq().maxPerRun();
        this.hopelessAfter = config.dlq().hopelessAfterModelFailures();
        this.maxRequeues = config.dlq().maxRequeues();
    }

    @Override
    public String name() {
        return "deadLetters";
    }

    @Override
    public String[] countKeys() {
        return new String[] {"messages", "failed", "requeued", "alreadyFinished", "staleDeleted", "liveLease",
            "missingTask", "malformed"};
    }

    @Override
    public void run(RunContext context, StepReport report) {
        List<DeadLetter> letters = dlq.scan(limit);
        report.add("messages", letters.size());
        List<DeadLetter> kept = new java.util.ArrayList<>(letters);
        try {
            for (DeadLetter letter : letters) {
                if (letter instanceof DeadLetter.Malformed) {
                    DeadLetter.Malformed malformed = (DeadLetter.Malformed) letter;
                    report.count("malformed");
                    LOG.warnf("malformed DLQ message %s left in the DLQ: %s; body: %s", malformed.messageId(),
                            malformed.reason(), malformed.bodyExcerpt());
                    continue;
                }
                DeadLetter.Task deadTask = (DeadLetter.Task) letter;
                context.markDeadLettered(deadTask.message().ref());
                if (!context.canAct()) {
                    report.interrupted();
                    return;
                }
                if (settle(deadTask, report)) {
                    kept.remove(deadTask);
                }
            }
        } finally {
            dlq.release(kept);
        }
    }

    /** Returns true when the DLQ message was deleted (a stale duplicate, or its task was queued again). */
    private boolean settle(DeadLetter.Task letter, StepReport report) {
        try (TaskLog ignored = TaskLog.of(letter.message().ref())) {
            Optional<Task> found = jobs.findTask(letter.message().ref());
            if (found.isEmpty()) {
                // Erased with its owner's data or expired by retention: nothing to settle, and the
                // message carries the owner's ID, so it goes rather than waiting out the DLQ retention.
                dlq.delete(letter);
                report.count("missingTask");
                LOG.infof("deleted DLQ message %s: its task no longer exists", letter.messageId());
                return true;
            }
            Task task = found.get();
            if (task.status() == JobStatus.COMPLETED) {
                dlq.delete(letter);
                report.count("staleDeleted");
                LOG.infof("deleted DLQ message %s: its task completed through another copy", letter.messageId());
                return true;
            }
            if (task.status().isTerminal()) {
                report.count("alreadyFinished");
                return false;
            }
            if (task.modelFailures() < hopelessAfter && requeue(letter, task)) {
                report.count("requeued");
                return true;
            }
            if (recovery.failDeadLettered(task.ref(), reason(task))) {
                report.count("failed");
                LOG.infof("task failed: its message %s is in the DLQ", letter.messageId());
            } else {
                // Running under a live lease (a redrive, or a duplicate message got through): leave it.
                report.count("liveLease");
            }
        } catch (RuntimeException e) {
            report.error("dead letter " + letter.messageId() + ": " + StepReport.describe(e));
        }
        return false;
    }

    /**
     * PENDING first, then a fresh message, then the DLQ copy goes: a crash in between leaves a PENDING
     * task that the stuck-PENDING step re-sends, or a DLQ copy the next run settles again.
     */
    private boolean requeue(DeadLetter.Task letter, Task task) {
        if (!recovery.requeueDeadLettered(task.ref(), maxRequeues)) {
            return false;
        }
        if (!resender.resend(task.ref())) {
            // The job vanished between reads (erased): nothing to run, the next run sees a missing task.
            return false;
        }
        dlq.delete(letter);
        LOG.infof("task queued again from the DLQ: the model failed it %d time(s) in %d attempt(s); requeue %d of %d",
                task.modelFailures(), task.attempts(), task.dlqRequeues() + 1, maxRequeues);
        return true;
    }

    /** Keeps the worker's last error: it is why the message ran out of receives. */
    static String reason(Task task) {
        String attempts = task.attempts() == 0 ? "no attempt recorded (message unreadable or never leased)"
                : task.attempts() + " attempt" + (task.attempts() == 1 ? "" : "s");
        String failures = task.modelFailures() == 0 ? "" : ", " + task.modelFailures() + " failed by the model";
        String requeues = task.dlqRequeues() == 0 ? "" : ", queued again " + task.dlqRequeues() + " time(s)";
        return "dead-lettered after " + attempts + failures + requeues
                + task.lastError().map(e -> "; last error: " + e).orElse("");
    }
}
