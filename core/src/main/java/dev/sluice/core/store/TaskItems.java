package dev.sluice.core.store;

import static dev.sluice.core.store.TaskAttributes.*;

import dev.sluice.core.job.Job;
import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.JobType;
import dev.sluice.core.job.Task;
import dev.sluice.core.job.TaskOutput;
import dev.sluice.core.job.TaskRef;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps job and task items to the model and back. */
public final class TaskItems {
    private TaskItems() {
    }

    /**
     * The job item {@link JobStore#create} writes; public so a benchmark can write many jobs with
     * BatchWriteItem, exactly as they would be created, without a transaction each.
     */
    public static Map<String, AttributeValue> newJobItem(String jobId, dev.sluice.core.job.NewJob job, Instant now,
                                                         Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(JobTable.jobKey(jobId));
        item.put(ENTITY, Items.s("job"));
        item.put(JOB_ID, Items.s(jobId));
        item.put(OWNER_ID, Items.s(job.ownerId()));
        item.put(TYPE, Items.s(job.type().wireName()));
        item.put(INPUT, Items.s(job.input()));
        item.put(REQUEST_HASH, Items.s(job.requestHash()));
        job.idempotencyKey().ifPresent(key -> item.put(IDEMPOTENCY_KEY, Items.s(key)));
        item.put(CREATED_AT, Items.millis(now));
        item.put(JobTable.EXPIRES_AT, Items.n(expiresAt.getEpochSecond()));
        item.put(JobTable.GSI1_PK, Items.s(JobTable.ownerPk(job.ownerId())));
        item.put(JobTable.GSI1_SK, Items.s(String.format("%013d#%s", now.toEpochMilli(), jobId)));
        return item;
    }

    /** The task item {@link JobStore#create} writes next to {@link #newJobItem}. */
    public static Map<String, AttributeValue> newTaskItem(TaskRef ref, JobType type, String ownerId, Instant now,
                                                          Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(JobTable.taskKey(ref));
        item.put(ENTITY, Items.s("task"));
        item.put(JOB_ID, Items.s(ref.jobId()));
        item.put(TASK_ID, Items.s(ref.taskId()));
        item.put(TYPE, Items.s(type.wireName()));
        item.put(STATUS, Items.s(JobStatus.PENDING.name()));
        item.put(ATTEMPTS, Items.n(0));
        item.put(FENCING_TOKEN, Items.n(0));
        item.put(CREATED_AT, Items.millis(now));
        item.put(UPDATED_AT, Items.millis(now));
        item.put(JobTable.EXPIRES_AT, Items.n(expiresAt.getEpochSecond()));
        item.put(ActiveIndex.PK, Items.s(ActiveIndex.partition(JobStatus.PENDING, ref)));
        item.put(ActiveIndex.SK, Items.s(ActiveIndex.sortKey(now)));
        item.put(ACTIVE_OWNER_KEY, Items.s(OwnerActiveTasks.partition(ownerId)));
        item.put(OwnerActiveTasks.PK, Items.s(OwnerActiveTasks.partition(ownerId)));
        item.put(OwnerActiveTasks.SK, Items.s(ref.taskId()));
        return item;
    }

    public static Task toTask(Map<String, AttributeValue> item) {
        Optional<TaskOutput> output = Items.string(item, OUTPUT_KEY).map(key -> new TaskOutput(
                key,
                Items.string(item, OUTPUT_CONTENT_TYPE).orElse("application/octet-stream"),
                Items.numberOrZero(item, OUTPUT_SIZE),
                Items.string(item, OUTPUT_SHA256).orElse("")));
        return new Task(
                new TaskRef(Items.requiredString(item, JOB_ID), Items.requiredString(item, TASK_ID)),
                jobType(item),
                JobStatus.valueOf(Items.requiredString(item, STATUS)),
                (int) Items.numberOrZero(item, ATTEMPTS),
                Items.numberOrZero(item, FENCING_TOKEN),
                Items.string(item, LEASE_OWNER),
                Items.instant(item, LEASE_EXPIRES_AT),
                Items.string(item, LAST_ERROR),
                output,
                Items.requiredInstant(item, CREATED_AT),
                Items.requiredInstant(item, UPDATED_AT),
                Items.instant(item, ENQUEUED_AT),
                Items.instant(item, STARTED_AT),
                Items.instant(item, COMPLETED_AT),
                (int) Items.numberOrZero(item, SHUTDOWN_RELEASES),
                (int) Items.numberOrZero(item, MODEL_FAILURES),
                (int) Items.numberOrZero(item, DLQ_REQUEUES));
    }

    static Job toJob(Map<String, AttributeValue> jobItem, List<Task> tasks) {
        return new Job(
                Items.requiredString(jobItem, JOB_ID),
                Items.requiredString(jobItem, OWNER_ID),
                jobType(jobItem),
                Items.requiredString(jobItem, INPUT),
                Items.requiredInstant(jobItem, CREATED_AT),
                tasks);
    }

    private static JobType jobType(Map<String, AttributeValue> item) {
        String wire = Items.requiredString(item, TYPE);
        return JobType.fromWireName(wire).orElseThrow(() -> new IllegalStateException("unknown job type " + wire));
    }
}
