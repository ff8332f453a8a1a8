package dev.sluice.core.store;

import dev.sluice.core.job.TaskRef;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The single-table key design (documented in docs/architecture.md; Terraform mirrors it).
 *
 * <pre>
 * item          pk                       sk              gsi1pk            gsi1sk
 * job           JOB#{jobId}              JOB             OWNER#{ownerId}   {createdAt}#{jobId}
 * task          JOB#{jobId}              TASK#{taskId}                    (gsi2: see ActiveIndex,
 *                                                                         gsi3: see OwnerActiveTasks)
 * idempotency   IDEM#{ownerId}#{key}     IDEM
 * object ref    OBJECT#{s3Key}           JOB#{jobId}
 * audit         AUDIT#erasure#{ownerHash} {requestedAt}#{erasureJobId}
 * rate window   RATE#{keyId}#{start}     RATE
 * </pre>
 *
 * A job and its tasks share a partition so one strongly consistent Query reads a whole job. Job,
 * task and object-reference items expire through {@link #EXPIRES_AT} after the configured retention,
 * idempotency and audit records after their own; API keys and locks never expire.
 */
public final class JobTable {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String GSI1 = "gsi1";
    public static final String GSI1_PK = "gsi1pk";
    public static final String GSI1_SK = "gsi1sk";
    /**
     * Epoch seconds; DynamoDB's TTL deletes the item some time (up to days) after it. Jobs, tasks and
     * object references get {@code createdAt + retention}, idempotency records and rate windows their
     * own shorter expiry.
     */
    public static final String EXPIRES_AT = "expiresAt";

    private JobTable() {
    }

    public static String jobPk(String jobId) {
        return "JOB#" + jobId;
    }

    public static Map<String, AttributeValue> jobKey(String jobId) {
        return Map.of(PK, s(jobPk(jobId)), SK, s("JOB"));
    }

    public static Map<String, AttributeValue> taskKey(TaskRef ref) {
        return Map.of(PK, s(jobPk(ref.jobId())), SK, s("TASK#" + ref.taskId()));
    }

    public static Map<String, AttributeValue> idempotencyKey(String ownerId, String key) {
        return Map.of(PK, s("IDEM#" + ownerId + "#" + key), SK, s("IDEM"));
    }

    /** Marks that a job reads an S3 object: {@code pk = OBJECT#{key}, sk = JOB#{jobId}}. */
    public static Map<String, AttributeValue> objectReferenceKey(String objectKey, String jobId) {
        return Map.of(PK, s(objectReferencePk(objectKey)), SK, s(jobPk(jobId)));
    }

    /** One API key's request count in the fixed window starting at {@code windowStart} (epoch seconds). */
    public static Map<String, AttributeValue> rateWindowKey(String keyId, long windowStart) {
        return Map.of(PK, s("RATE#" + keyId + "#" + windowStart), SK, s("RATE"));
    }

    public static String objectReferencePk(String objectKey) {
        return "OBJECT#" + objectKey;
    }

    public static String ownerPk(String ownerId) {
        return "OWNER#" + ownerId;
    }

    /** The table as the code expects it; local provisioning creates it from here. */
    public static CreateTableRequest definition(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attr(PK), attr(SK), attr(GSI1_PK), attr(GSI1_SK), attr(ActiveIndex.PK), attr(ActiveIndex.SK),
                        attr(OwnerActiveTasks.PK), attr(OwnerActiveTasks.SK))
                .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(GSI1)
                        .keySchema(key(GSI1_PK, KeyType.HASH), key(GSI1_SK, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build(),
                        GlobalSecondaryIndex.builder()
                        .indexName(ActiveIndex.NAME)
                        .keySchema(key(ActiveIndex.PK, KeyType.HASH), key(ActiveIndex.SK, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build(),
                        // Only ever counted, so keys are all it needs to hold.
                        GlobalSecondaryIndex.builder()
                        .indexName(OwnerActiveTasks.NAME)
                        .keySchema(key(OwnerActiveTasks.PK, KeyType.HASH), key(OwnerActiveTasks.SK, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
                        .build())
                .build();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeDefinition attr(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
