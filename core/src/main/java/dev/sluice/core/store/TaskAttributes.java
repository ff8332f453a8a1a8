package dev.sluice.core.store;

/**
 * Attribute names of job and task items. Names that are DynamoDB reserved words ({@code status},
 * {@code type}, {@code input}) are always used through expression attribute names.
 */
public final class TaskAttributes {
    public static final String ENTITY = "entity";
    public static final String JOB_ID = "jobId";
    public static final String TASK_ID = "taskId";
    public static final String OWNER_ID = "ownerId";
    public static final String TYPE = "type";
    public static final String INPUT = "input";
    public static final String STATUS = "status";
    public static final String ATTEMPTS = "attempts";
    public static final String FENCING_TOKEN = "fencingToken";
    public static final String LEASE_OWNER = "leaseOwner";
    /** Epoch milliseconds, so lease conditions compare numbers. */
    public static final String LEASE_EXPIRES_AT = "leaseExpiresAt";
    public static final String LAST_ERROR = "lastError";
    public static final String OUTPUT_KEY = "outputKey";
    public static final String OUTPUT_CONTENT_TYPE = "outputContentType";
    public static final String OUTPUT_SIZE = "outputSize";
    public static final String OUTPUT_SHA256 = "outputSha256";
    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";
    public static final String ENQUEUED_AT = "enqueuedAt";
    public static final String STARTED_AT = "startedAt";
    public static final String COMPLETED_AT = "completedAt";
    public static final String REQUEST_HASH = "requestHash";
    /**
     * On a job item, the Idempotency-Key it was created with: the way to its {@code IDEM#} record, which
     * is keyed by owner and key and so cannot be found from the owner without a Scan.
     */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** Times a worker handed the task back because it was shutting down (not counted as attempts). */
    public static final String SHUTDOWN_RELEASES = "shutdownReleases";
    /**
     * Times the model failed the task transiently. SQS counts receives, and crashes or outages use them
     * up too; this count is what tells a hopeless task from one that was merely unlucky.
     */
    public static final String MODEL_FAILURES = "modelFailures";
    /** Times the reaper took the task's message out of the DLQ because the model had not failed it enough. */
    public static final String DLQ_REQUEUES = "dlqRequeues";
    /** The owner's {@code gsi3} partition, kept for good: see {@link OwnerActiveTasks}. */
    public static final String ACTIVE_OWNER_KEY = OwnerActiveTasks.ACTIVE_OWNER_KEY;

    private TaskAttributes() {
    }
}
