package dev.sluice.reaper.dlq;

import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.Task;
import dev.sluice.core.lease.LeaseRecovery;
import dev.sluice.core.store.JobStore;
import dev.sluice.reaper.config.ReaperConfig;
import dev.sluice.reaper.queue.DeadLetter;
import dev.sluice.reaper.queue.DeadLetterQueue;
import dev.sluice.reaper.run.MaintenanceStep;
import dev.sluice.reaper.run.RunContext;
import dev.sluice.reaper.run.StepReport;
import dev.sluice.reaper.run.TaskLog;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Marks tasks whose message reached the DLQ as FAILED, so clients stop waiting. The messages stay in
 * the DLQ (an operator may redrive them); the transition only applies to unfinished tasks without a
 * live lease, so a second run changes nothing. A DLQ message whose task COMPLETED anyway is a stale
 * duplicate (another copy of the message did the work): it is deleted, so the DLQ holds only what
 * needs an operator.
 */
@ApplicationScoped
public class DeadLetterStep implements MaintenanceStep {
    private static final Logger LOG = Logger.getLogger(DeadLetterStep.class);

    private final DeadLetterQueue dlq;
    private final JobStore jobs;
    private final LeaseRecovery recovery;
    private final int limit;

    public DeadLetterStep(DeadLetterQueue dlq, JobStore jobs, LeaseRecovery recovery, ReaperConfig config) {
        this.dlq = dlq;
        this.jobs = jobs;
        this.recovery = recovery;
        this.limit = config.dlq().maxPerRun();
    }

    @Override
    public String name() {
        return "deadLetters";
    }

    @Override
    public String[] countKeys() {
        return new String[] {"messages", "failed", "alreadyFinished", "staleDeleted", "liveLease", "missingTask",
            "malformed"};
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
                if (fail(deadTask, report)) {
                    kept.remove(deadTask);
                }
            }
        } finally {
            dlq.release(kept);
        }
    }

    /** Returns true when the message was deleted as a stale duplicate. */
    private boolean fail(DeadLetter.Task letter, StepReport report) {
        try (TaskLog ignored = TaskLog.of(letter.message().ref())) {
            Optional<Task> task = jobs.findTask(letter.message().ref());
            if (task.isEmpty()) {
                report.count("missingTask");
                LOG.warnf("DLQ message %s names a task that does not exist", letter.messageId());
                return false;
            }
            if (task.get().status() == JobStatus.COMPLETED) {
                dlq.delete(letter);
                report.count("staleDeleted");
                LOG.infof("deleted DLQ message %s: its task completed through another copy", letter.messageId());
                return true;
            }
            if (task.get().status().isTerminal()) {
                report.count("alreadyFinished");
                return false;
            }
            if (recovery.failDeadLettered(task.get().ref(), reason(task.get()))) {
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

    /** Keeps the worker's last error: it is why the message ran out of receives. */
    static String reason(Task task) {
        String attempts = task.attempts() == 0 ? "no attempt recorded (message unreadable or never leased)"
                : task.attempts() + " attempt" + (task.attempts() == 1 ? "" : "s");
        return "dead-lettered after " + attempts + task.lastError().map(e -> "; last error: " + e).orElse("");
    }
}
