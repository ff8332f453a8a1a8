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
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Releases leases whose owner pod no longer exists, without waiting for the TTL: a deleted or evicted
 * pod will never heartbeat again, so its tasks go back to PENDING with a fresh message at once.
 */
@ApplicationScoped
public class GoneOwnerStep implements MaintenanceStep {
    private static final Logger LOG = Logger.getLogger(GoneOwnerStep.class);

    private final TaskIndex index;
    private final LeaseRecovery recovery;
    private final WorkerPods pods;
    private final Resender resender;
    private final int limit;

    public GoneOwnerStep(TaskIndex index, LeaseRecovery recovery, WorkerPods pods, Resender resender, ReaperConfig config) {
        this.index = index;
        this.recovery = recovery;
        this.pods = pods;
        this.resender = resender;
        this.limit = config.leases().maxPerRun();
    }

    @Override
    public String name() {
        return "goneOwners";
    }

    @Override
    public String[] countKeys() {
        return new String[] {"processing", "workerPods", "ownerAlive", "released", "releaseRefused", "messagesSent"};
    }

    @Override
    public void run(RunContext context, StepReport report) {
        if (!pods.enabled()) {
            report.skip("not running in Kubernetes (set sluice.reaper.kubernetes.enabled=true to force)");
            return;
        }
        report.detail("namespace", pods.namespace());
        report.detail("selector", pods.selector());
        // Tasks first, pods second: a pod that took a lease before the task query exists in the pod
        // list unless it is really gone. The other order could take a brand-new pod for a dead one.
        List<Task> processing = index.processing(limit);
        Set<String> alive = pods.alive();
        report.add("processing", processing.size());
        report.add("workerPods", alive.size());
        if (alive.isEmpty()) {
            // Far more likely a wrong selector or missing RBAC than every worker gone at once; leases of
            // a fleet scaled to zero still expire and the two-phase step reclaims them.
            report.skip("no pod matches selector " + pods.selector() + " in namespace " + pods.namespace()
                    + "; releasing nothing");
            return;
        }
        for (Task task : processing) {
            if (task.status() != JobStatus.PROCESSING || task.leaseOwner().isEmpty()) {
                continue;
            }
            String owner = task.leaseOwner().get();
            if (alive.contains(owner)) {
                report.count("ownerAlive");
                continue;
            }
            if (!context.canAct()) {
                report.interrupted();
                return;
            }
            release(task, owner, report);
        }
    }

    private void release(Task task, String owner, StepReport report) {
        try (TaskLog ignored = TaskLog.of(task)) {
            boolean released;
            try {
                released = recovery.reclaimFromGoneOwner(task.ref(), owner, task.fencingToken(),
                        "worker pod " + owner + " no longer exists; lease (fencing token " + task.fencingToken()
                                + ") released by the reaper");
            } catch (RuntimeException e) {
                report.error("release " + task.ref().taskId() + ": " + StepReport.describe(e));
                return;
            }
            if (!released) {
                report.count("releaseRefused");
                return;
            }
            report.count("released");
            LOG.infof("released lease of gone pod %s (token %d)", owner, task.fencingToken());
            try {
                if (resender.resend(task.ref())) {
                    report.count("messagesSent");
                } else {
                    report.error("released " + task.ref().taskId() + " but its job is gone; no message sent");
                }
            } catch (RuntimeException e) {
                report.error("released " + task.ref().taskId() + " but sending its message failed: " + StepReport.describe(e));
            }
        }
    }
}
