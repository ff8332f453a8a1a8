package dev.sluice.reaper.run;

import dev.sluice.reaper.dlq.DeadLetterStep;
import dev.sluice.reaper.leases.ExpiredLeaseStep;
import dev.sluice.reaper.leases.GoneOwnerStep;
import dev.sluice.reaper.lock.LockAttempt;
import dev.sluice.reaper.lock.ReaperLock;
import dev.sluice.reaper.orphans.OrphanStep;
import dev.sluice.reaper.pending.StuckPendingStep;
import dev.sluice.reaper.wiring.ReaperIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * One reaper run: take the singleton lock, run every step in order, give the lock back.
 *
 * <p>Order matters. The DLQ comes first: a dead-lettered task may also hold an expired lease (its
 * last holder was killed), and settling it from the DLQ (failed, or queued again with its DLQ copy
 * deleted) is the one decision to make; reclaiming its lease first would add a second message and
 * leave the DLQ copy behind. Leases come next, so tasks of dead workers are PENDING with a fresh
 * message before the stuck-PENDING step looks at PENDING tasks. Orphaned objects come last: they
 * only cost storage.
 */
@ApplicationScoped
public class ReapRun {
    private static final Logger LOG = Logger.getLogger(ReapRun.class);

    private final ReaperLock lock;
    private final ReaperIdentity identity;
    private final List<MaintenanceStep> steps;
    private final RunRecorder recorder;

    public ReapRun(ReaperLock lock, ReaperIdentity identity, ExpiredLeaseStep expiredLeases, GoneOwnerStep goneOwners,
                   DeadLetterStep deadLetters, StuckPendingStep stuckPending, OrphanStep orphans,
                   RunRecorder recorder) {
        this.recorder = recorder;
        this.lock = lock;
        this.identity = identity;
        this.steps = List.of(deadLetters, expiredLeases, goneOwners, stuckPending, orphans);
    }

    public RunSummary run(RunOptions options) {
        long started = System.nanoTime();
        String owner = identity.newOwner();
        MDC.put("reaper", owner);
        try {
            LockAttempt attempt;
            try {
                attempt = lock.acquire(owner);
            } catch (RuntimeException e) {
                LOG.errorf(e, "cannot take the reaper lock");
                return new RunSummary.Failed(StepReport.describe(e), since(started));
            }
            if (attempt instanceof LockAttempt.HeldElsewhere) {
                LockAttempt.HeldElsewhere elsewhere = (LockAttempt.HeldElsewhere) attempt;
                LOG.infof("another reaper holds the lock (%s until %s); nothing done",
                        elsewhere.holder().owner().orElse("?"), elsewhere.holder().until().map(Object::toString).orElse("?"));
                return new RunSummary.Skipped(elsewhere.holder(), since(started));
            }
            LockAttempt.Held held = (LockAttempt.Held) attempt;
            RunContext context = new RunContext(held.lease(), lock, options);
            List<StepReport> reports = new ArrayList<>();
            try {
                for (MaintenanceStep step : steps) {
                    reports.add(runStep(step, context));
                }
                RunSummary.Completed completed = new RunSummary.Completed(held.lease(), reports, since(started));
                // Written while the lock is still held: the record lives on the lock's item.
                recorder.record(reports, completed.duration(), completed.errorCount() == 0);
                return completed;
            } finally {
                release(held);
            }
        } finally {
            MDC.remove("reaper");
        }
    }

    private StepReport runStep(MaintenanceStep step, RunContext context) {
        StepReport report = new StepReport(step.name(), step.countKeys());
        if (!context.canAct()) {
            report.interrupted();
            return report;
        }
        try {
            step.run(context, report);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            report.failed(e);
        } catch (RuntimeException e) {
            LOG.errorf(e, "step %s failed", step.name());
            report.failed(e);
        }
        LOG.infof("step %s: %s", step.name(), report.toJson());
        return report;
    }

    private void release(LockAttempt.Held held) {
        try {
            if (!lock.release(held.lease())) {
                LOG.warn("the reaper lock had already passed to another run when this one finished");
            }
        } catch (RuntimeException e) {
            // The lock expires by itself; the next run is only delayed.
            LOG.warnf(e, "cannot release the reaper lock; it expires at %s", held.lease().expiresAt());
        }
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
