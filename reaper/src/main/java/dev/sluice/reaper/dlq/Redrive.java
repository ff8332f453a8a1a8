package dev.sluice.reaper.dlq;

import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.Task;
import dev.sluice.core.job.TaskRef;
import dev.sluice.core.lease.LeaseRecovery;
import dev.sluice.core.store.JobStore;
import dev.sluice.reaper.config.ReaperConfig;
import dev.sluice.reaper.lock.LockAttempt;
import dev.sluice.reaper.lock.ReaperLock;
import dev.sluice.reaper.queue.DeadLetter;
import dev.sluice.reaper.queue.DeadLetterQueue;
import dev.sluice.reaper.queue.Resender;
import dev.sluice.reaper.run.StepReport;
import dev.sluice.reaper.run.TaskLog;
import dev.sluice.reaper.wiring.ReaperIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Gives dead-lettered tasks another chance: reset the task (attempt budget back to zero), send a fresh
 * message to the task queue, then delete the DLQ message, in that order, so a failure at any point
 * leaves the message in the DLQ to retry the redrive.
 *
 * <p>It holds the reaper lock meanwhile: the run's DLQ step would otherwise see the message a moment
 * before it is deleted and fail the task the redrive just reset.
 */
@ApplicationScoped
public class Redrive {
    private static final Logger LOG = Logger.getLogger(Redrive.class);
    private static final Duration LOCK_POLL = Duration.ofSeconds(2);

    private final ReaperLock lock;
    private final ReaperIdentity identity;
    private final DeadLetterQueue dlq;
    private final JobStore jobs;
    private final LeaseRecovery recovery;
    private final Resender resender;
    private final int limit;

    public Redrive(ReaperLock lock, ReaperIdentity identity, DeadLetterQueue dlq, JobStore jobs, LeaseRecovery recovery,
                   Resender resender, ReaperConfig config) {
        this.lock = lock;
        this.identity = identity;
        this.dlq = dlq;
        this.jobs = jobs;
        this.recovery = recovery;
        this.resender = resender;
        this.limit = config.dlq().maxPerRun();
    }

    public RedriveReport redrive(RedriveSelection selection, Duration lockWait) throws InterruptedException {
        RedriveReport report = new RedriveReport();
        LockAttempt attempt = lock.acquire(identity.newOwner(), lockWait, LOCK_POLL);
        if (attempt instanceof LockAttempt.HeldElsewhere) {
            report.lockBusy(((LockAttempt.HeldElsewhere) attempt).holder());
            return report;
        }
        LockAttempt.Held held = (LockAttempt.Held) attempt;
        try {
            redriveUnderLock(selection, report);
        } finally {
            lock.release(held.lease());
        }
        return report;
    }

    private void redriveUnderLock(RedriveSelection selection, RedriveReport report) {
        List<DeadLetter> letters = dlq.scan(limit);
        report.scanned(letters.size());
        List<DeadLetter> remaining = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> redriven = new HashSet<>();
        try {
            for (DeadLetter letter : letters) {
                if (letter instanceof DeadLetter.Malformed) {
                    if (selection instanceof RedriveSelection.All) {
                        report.malformed();
                    }
                    remaining.add(letter);
                    continue;
                }
                DeadLetter.Task taskLetter = (DeadLetter.Task) letter;
                String taskId = taskLetter.message().taskId();
                if (!selection.includes(taskId)) {
                    remaining.add(letter);
                    continue;
                }
                seen.add(taskId);
                if (!handle(taskLetter, redriven, report)) {
                    remaining.add(letter);
                }
            }
        } finally {
            dlq.release(remaining);
        }
        if (selection instanceof RedriveSelection.Tasks) {
            Set<String> missing = new LinkedHashSet<>(((RedriveSelection.Tasks) selection).taskIds());
            missing.removeAll(seen);
            report.notFound(missing);
        }
    }

    /** Returns true when the message was deleted from the DLQ. */
    private boolean handle(DeadLetter.Task letter, Set<String> redriven, RedriveReport report) {
        TaskRef ref = letter.message().ref();
        try (TaskLog ignored = TaskLog.of(ref)) {
            if (redriven.contains(ref.taskId())) {
                // A second copy of a message just redriven: the fresh message already covers it.
                dlq.delete(letter);
                return true;
            }
            Optional<Task> task = jobs.findTask(ref);
            if (task.isEmpty()) {
                // Not deleted: with a wrong table configured every task looks missing.
                report.left(ref.taskId(), "task not found in the table");
                return false;
            }
            if (task.get().status() == JobStatus.COMPLETED) {
                dlq.delete(letter);
                report.staleDeleted(ref.taskId());
                LOG.infof("DLQ message %s of a COMPLETED task deleted", letter.messageId());
                return true;
            }
            if (!recovery.resetForRedrive(ref)) {
                report.left(ref.taskId(), refusal(ref));
                return false;
            }
            resender.resend(ref, letter.message().type(), letter.message().ownerId());
            dlq.delete(letter);
            redriven.add(ref.taskId());
            report.redriven(ref);
            LOG.infof("redriven: task reset and sent again; DLQ message %s deleted", letter.messageId());
            return true;
        } catch (RuntimeException e) {
            report.error(ref.taskId() + ": " + StepReport.describe(e));
            return false;
        }
    }

    private String refusal(TaskRef ref) {
        return jobs.findTask(ref).map(t -> t.status() == JobStatus.PROCESSING
                        ? "running under a live lease of " + t.leaseOwner().orElse("?") + " (fencing token "
                                + t.fencingToken() + ") until " + t.leaseExpiresAt().map(Object::toString).orElse("?")
                        : "task is " + t.status())
                .orElse("task not found in the table");
    }
}
