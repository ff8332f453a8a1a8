package dev.sluice.reaper.pending;

import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.Task;
import dev.sluice.core.store.TaskIndex;
import dev.sluice.reaper.config.ReaperConfig;
import dev.sluice.reaper.queue.Resender;
import dev.sluice.reaper.run.MaintenanceStep;
import dev.sluice.reaper.run.RunContext;
import dev.sluice.reaper.run.StepReport;
import dev.sluice.reaper.run.TaskLog;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Re-sends the message of tasks PENDING for longer than the threshold and not enqueued since: the
 * API died between persisting and sending, or a send after a reclaim failed. {@code enqueuedAt} is
 * recorded with each send, so a task whose message is merely queued behind a backlog gets at most one
 * duplicate per threshold, and duplicates are harmless.
 */
@ApplicationScoped
public class StuckPendingStep implements MaintenanceStep {
    private static final Logger LOG = Logger.getLogger(StuckPendingStep.class);

    private final TaskIndex index;
    private final Resender resender;
    private final ReaperConfig.Pending config;
    private final Clock clock;

    public StuckPendingStep(TaskIndex index, Resender resender, ReaperConfig config, Clock clock) {
        this.index = index;
        this.resender = resender;
        this.config = config.pending();
        this.clock = clock;
    }

    @Override
    public String name() {
        return "stuckPending";
    }

    @Override
    public String[] countKeys() {
        return new String[] {"candidates", "reenqueued", "recentlyEnqueued", "deadLettered", "missingJob"};
    }

    @Override
    public void run(RunContext context, StepReport report) {
        Instant cutoff = clock.instant().minus(config.threshold());
        List<Task> candidates = index.pendingSince(cutoff, config.maxPerRun());
        report.add("candidates", candidates.size());
        for (Task task : candidates) {
            if (report.get("reenqueued") >= config.maxPerRun()) {
                report.detail("limit", "reached " + config.maxPerRun() + "; the rest waits for the next run");
                return;
            }
            if (task.status() != JobStatus.PENDING) {
                continue;
            }
            if (context.isDeadLettered(task.ref())) {
                report.count("deadLettered");
                continue;
            }
            // Sending restarts the task's place in the index, but index reads are eventually
            // consistent: a task sent moments ago may still show up here.
            if (task.enqueuedAt().filter(at -> at.isAfter(cutoff)).isPresent()) {
                report.count("recentlyEnqueued");
                continue;
            }
            if (!context.canAct()) {
                report.interrupted();
                return;
            }
            reenqueue(task, report);
        }
    }

    private void reenqueue(Task task, StepReport report) {
        try (TaskLog ignored = TaskLog.of(task)) {
            if (resender.resend(task.ref())) {
                report.count("reenqueued");
                LOG.infof("re-enqueued task PENDING since %s (last enqueued %s)", task.updatedAt(),
                        task.enqueuedAt().map(Object::toString).orElse("never"));
            } else {
                report.count("missingJob");
            }
        } catch (RuntimeException e) {
            report.error("re-enqueue " + task.ref().taskId() + ": " + StepReport.describe(e));
        }
    }
}
