package dev.sluice.reaper.leases;

import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.Task;
import dev.sluice.core.lease.LeaseRecovery;
import dev.sluice.core.store.TaskIndex;
import dev.sluice.reaper.config.ReaperConfig;
import dev.sluice.reaper.queue.Resender;
import dev.sluice.reaper.run.MaintenanceStep;
import dev.sluice.reaper.run.RunContext;
import dev.sluice.reaper.run.StepReport;
import dev.sluice.reaper.run.TaskLog;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Reclaims leases of dead workers in two phases. A lease seen expired is only recorded; it is
 * reclaimed when a later pass sees it expired again with the same fencing token, at least
 * {@code confirm-after} later. A worker that was merely slow (a late heartbeat, a GC pause) has
 * renewed its lease by then or lost it to a takeover (a new token): either way it is left alone.
 *
 * <p>The two passes are normally two runs of the CronJob (the sightings persist on the lock item);
 * with {@code second-look} one run takes both looks itself.
 */
@ApplicationScoped
public class ExpiredLeaseStep implements MaintenanceStep {
    private static final Logger LOG = Logger.getLogger(ExpiredLeaseStep.class);

    private final TaskIndex index;
    private final LeaseRecovery recovery;
    private final SightingStore sightings;
    private final Resender resender;
    private final ReaperConfig.Leases config;
    private final Clock clock;

    public ExpiredLeaseStep(TaskIndex index, LeaseRecovery recovery, SightingStore sightings, Resender resender,
                            ReaperConfig config, Clock clock) {
        this.index = index;
        this.recovery = recovery;
        this.sightings = sightings;
        this.resender = resender;
        this.config = config.leases();
        this.clock = clock;
    }

    @Override
    public String name() {
        return "expiredLeases";
    }

    @Override
    public String[] countKeys() {
        return new String[] {"passes", "expired", "firstSightings", "tokenChanged", "awaitingConfirmation", "reclaimed",
                "reclaimRefused", "messagesSent"};
    }

    @Override
    public void run(RunContext context, StepReport report) throws InterruptedException {
        Duration confirmAfter = config.confirmAfter();
        Optional<Duration> secondLook = context.options().secondLook().or(config::secondLook);
        report.detail("secondLook", secondLook.map(d -> "in this run after " + d).orElse("next run"));
        int waiting = pass(context, report, confirmAfter);
        if (secondLook.isPresent() && waiting > 0) {
            Thread.sleep(secondLook.get().toMillis());
            if (!context.canAct()) {
                report.interrupted();
                return;
            }
            // The second look comes exactly secondLook after the first: that is the confirmation gap.
            Duration gap = secondLook.get().compareTo(confirmAfter) < 0 ? secondLook.get() : confirmAfter;
            pass(context, report, gap);
        }
    }

    /** One look; returns how many sightings wait for a later look. */
    private int pass(RunContext context, StepReport report, Duration confirmAfter) {
        report.count("passes");
        Instant now = clock.instant();
        List<Task> expired = index.expiredLeases(now, config.maxPerRun());
        Map<String, Sighting> previous = sightings.load();
        Map<String, Sighting> next = new LinkedHashMap<>();
        report.add("expired", expired.size());
        for (Task task : expired) {
            // Index items can be stale (a GSI is eventually consistent); the reclaim's condition on
            // status, token and expiry is what protects a live task.
            if (task.status() != JobStatus.PROCESSING) {
                continue;
            }
            Sighting before = previous.get(task.ref().taskId());
            if (before == null || before.fencingToken() != task.fencingToken()) {
                report.count(before == null ? "firstSightings" : "tokenChanged");
                next.put(task.ref().taskId(), new Sighting(task.ref(), task.fencingToken(), now));
            } else if (Duration.between(before.firstSeenAt(), now).compareTo(confirmAfter) < 0) {
                report.count("awaitingConfirmation");
                next.put(task.ref().taskId(), before);
            } else if (context.canAct()) {
                reclaim(task, before, report);
            } else {
                next.put(task.ref().taskId(), before);
            }
        }
        sightings.save(context.lock(), next);
        return next.size();
    }

    private void reclaim(Task task, Sighting seen, StepReport report) {
        try (TaskLog ignored = TaskLog.of(task)) {
            String owner = task.leaseOwner().orElse("?");
            String reason = "lease of " + owner + " (fencing token " + task.fencingToken() + ") expired at "
                    + task.leaseExpiresAt().map(Object::toString).orElse("?") + " and was still expired "
                    + Duration.between(seen.firstSeenAt(), clock.instant()).toSeconds() + "s later; reclaimed by the reaper";
            boolean reclaimed;
            try {
                reclaimed = recovery.reclaimExpired(task.ref(), task.fencingToken(), reason);
            } catch (RuntimeException e) {
                report.error("reclaim " + task.ref().taskId() + ": " + StepReport.describe(e));
                return;
            }
            if (!reclaimed) {
                // Renewed, taken over or finished since the query: the condition protected it.
                report.count("reclaimRefused");
                LOG.infof("expired lease of %s (token %d) changed before the reclaim; left alone", owner, task.fencingToken());
                return;
            }
            report.count("reclaimed");
            LOG.infof("reclaimed expired lease of %s (token %d)", owner, task.fencingToken());
            send(task, report);
        }
    }

    private void send(Task task, StepReport report) {
        try {
            if (resender.resend(task.ref())) {
                report.count("messagesSent");
            } else {
                report.error("reclaimed " + task.ref().taskId() + " but its job is gone; no message sent");
            }
        } catch (RuntimeException e) {
            // The task is PENDING without a message: the stuck-PENDING step re-sends it later.
            report.error("reclaimed " + task.ref().taskId() + " but sending its message failed: " + StepReport.describe(e));
        }
    }
}
