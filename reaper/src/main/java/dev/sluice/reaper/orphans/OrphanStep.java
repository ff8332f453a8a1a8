package dev.sluice.reaper.orphans;

import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.Task;
import dev.sluice.core.job.TaskRef;
import dev.sluice.core.store.JobStore;
import dev.sluice.reaper.config.ReaperConfig;
import dev.sluice.reaper.config.SluiceConfig;
import dev.sluice.reaper.run.MaintenanceStep;
import dev.sluice.reaper.run.RunContext;
import dev.sluice.reaper.run.StepReport;
import dev.sluice.reaper.run.TaskLog;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Deletes S3 objects nothing will ever read:
 * <ul>
 *   <li>uploads no job referenced, once older than {@code upload-max-age} (a client uploads, then
 *       submits; after a day it will not);</li>
 *   <li>outputs older than {@code output-grace} whose task is FAILED, CANCELLED or does not exist
 *       (a worker may have written the output just before the job was cancelled).</li>
 * </ul>
 * Outputs of COMPLETED tasks are the results; those of PROCESSING tasks are being written; those of
 * PENDING tasks are kept too: the next attempt's conditional put finds the object and adopts it as
 * its output, so deleting it could leave a COMPLETED task pointing at nothing. Keys that do not
 * follow the scheme are never deleted. The bucket is versioned: a delete adds a delete marker and
 * the bucket's lifecycle rule expires the old version.
 */
@ApplicationScoped
public class OrphanStep implements MaintenanceStep {
    private static final Logger LOG = Logger.getLogger(OrphanStep.class);
    private static final String UPLOADS = "uploads/";

    private final S3Client s3;
    private final JobStore jobs;
    private final String bucket;
    private final ReaperConfig.Orphans config;
    private final Clock clock;

    public OrphanStep(S3Client s3, JobStore jobs, SluiceConfig sluice, ReaperConfig config, Clock clock) {
        this.s3 = s3;
        this.jobs = jobs;
        this.bucket = sluice.bucket();
        this.config = config.orphans();
        this.clock = clock;
    }

    @Override
    public String name() {
        return "orphans";
    }

    @Override
    public String[] countKeys() {
        return new String[] {"uploadsScanned", "uploadsDeleted", "uploadsReferenced", "outputsScanned",
                "outputsDeleted", "outputsKept", "unrecognizedKeys", "beyondLookback"};
    }

    @Override
    public void run(RunContext context, StepReport report) {
        if (!config.enabled()) {
            report.skip("disabled (sluice.reaper.orphans.enabled=false)");
            return;
        }
        Instant now = clock.instant();
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(UPLOADS)).contents()) {
            if (!mayDelete(context, report)) {
                return;
            }
            report.count("uploadsScanned");
            if (due(object, now, config.uploadMaxAge(), report)) {
                upload(object, report);
            }
        }
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(OutputKey.PREFIX)).contents()) {
            if (!mayDelete(context, report)) {
                return;
            }
            report.count("outputsScanned");
            if (due(object, now, config.outputGrace(), report)) {
                output(object, report);
            }
        }
    }

    private void upload(S3Object object, StepReport report) {
        try {
            if (jobs.isReferenced(object.key())) {
                report.count("uploadsReferenced");
                return;
            }
            delete(object.key());
            report.count("uploadsDeleted");
            LOG.infof("deleted upload %s: no job referenced it since %s", object.key(), object.lastModified());
        } catch (RuntimeException e) {
            report.error("upload " + object.key() + ": " + StepReport.describe(e));
        }
    }

    private void output(S3Object object, StepReport report) {
        Optional<TaskRef> ref = OutputKey.task(object.key());
        if (ref.isEmpty()) {
            report.count("unrecognizedKeys");
            return;
        }
        try (TaskLog ignored = TaskLog.of(ref.get())) {
            Optional<Task> task = jobs.findTask(ref.get());
            JobStatus status = task.map(Task::status).orElse(null);
            if (status != null && status != JobStatus.FAILED && status != JobStatus.CANCELLED) {
                report.count("outputsKept");
                return;
            }
            delete(object.key());
            report.count("outputsDeleted");
            LOG.infof("deleted output %s of a %s task", object.key(), status == null ? "missing" : status);
        } catch (RuntimeException e) {
            report.error("output " + object.key() + ": " + StepReport.describe(e));
        }
    }

    private boolean mayDelete(RunContext context, StepReport report) {
        if (report.get("uploadsDeleted") + report.get("outputsDeleted") >= config.maxDeletesPerRun()) {
            report.detail("limit", "reached " + config.maxDeletesPerRun() + " deletions; the rest waits for the next run");
            return false;
        }
        if (!context.canAct()) {
            report.interrupted();
            return false;
        }
        return true;
    }

    private void delete(String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(key));
    }

    /**
     * Past its age limit, but not so far past that earlier runs examined it for the whole lookback.
     * Kept objects of COMPLETED tasks need no second look (COMPLETED is final); those of tasks still
     * unfinished are looked at again by every run of the lookback. Deleting a FAILED task's output is
     * race-free: only a redrive makes it PENDING again, and a redrive holds the reaper lock. CANCELLED
     * is final: nothing makes such a task run again.
     */
    private boolean due(S3Object object, Instant now, Duration age, StepReport report) {
        Instant modified = object.lastModified();
        if (modified == null || !modified.isBefore(now.minus(age))) {
            return false;
        }
        if (modified.isBefore(now.minus(age).minus(config.lookback()))) {
            report.count("beyondLookback");
            return false;
        }
        return true;
    }
}
