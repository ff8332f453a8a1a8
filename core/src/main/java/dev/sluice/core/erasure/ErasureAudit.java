package dev.sluice.core.erasure;

import dev.sluice.core.store.JobTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The one record an erasure leaves: {@code pk = AUDIT#erasure#{ownerHash}},
 * {@code sk = {requestedAt 13-digit epoch millis}#{erasureJobId}}, with the counts, the times and
 * {@code expiresAt}. The key comes from the erasure job, not from the attempt, so every attempt of the
 * same erasure updates the same record: counts are added as each attempt deletes (an attempt counts
 * only what it removed itself), so after a crash the retry's counts are summed onto the first's.
 */
public final class ErasureAudit {
    public static final String ENTITY = "erasure-audit";
    static final String[] COUNTS = {"jobs", "tasks", "idempotencyRecords", "objectReferences", "objects", "versions",
            "invitations", "invitationRecords", "referrals"};

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration retention;
    private final Clock clock;

    public ErasureAudit(DynamoDbClient dynamo, String table, Duration retention, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.retention = retention;
        this.clock = clock;
    }

    public static String partition(OwnerHash owner) {
        return "AUDIT#erasure#" + owner.value();
    }

    public static Map<String, AttributeValue> key(OwnerHash owner, Instant requestedAt, String erasureJobId) {
        return Map.of(JobTable.PK, AttributeValue.fromS(partition(owner)),
                JobTable.SK, AttributeValue.fromS(String.format("%013d#%s", requestedAt.toEpochMilli(), erasureJobId)));
    }

    /** Adds what was just deleted; creates the record on the first call. */
    public void add(OwnerHash owner, Instant requestedAt, String erasureJobId, ErasureCounts delta) {
        update(owner, requestedAt, erasureJobId, delta, clock.instant(), "");
    }

    /** Marks the erasure done and answers the totals of every attempt. */
    public ErasureSummary complete(OwnerHash owner, Instant requestedAt, String erasureJobId) {
        Instant now = clock.instant();
        Map<String, AttributeValue> item = update(owner, requestedAt, erasureJobId, ErasureCounts.NONE, now,
                ", #completedAt = :now");
        long[] totals = new long[COUNTS.length];
        for (int i = 0; i < COUNTS.length; i++) {
            AttributeValue v = item.get(COUNTS[i]);
            totals[i] = v == null ? 0 : Long.parseLong(v.n());
        }
        return new ErasureSummary(erasureJobId, owner,
                new ErasureCounts(totals[0], totals[1], totals[2], totals[3], totals[4], totals[5], totals[6],
                        totals[7], totals[8]), requestedAt, now);
    }

    private Map<String, AttributeValue> update(OwnerHash owner, Instant requestedAt, String erasureJobId,
                                               ErasureCounts delta, Instant now, String extraSet) {
        long[] values = {delta.jobs(), delta.tasks(), delta.idempotencyRecords(), delta.objectReferences(),
                delta.objects(), delta.versions(), delta.invitations(), delta.invitationRecords(), delta.referrals()};
        Map<String, AttributeValue> attributes = new HashMap<>();
        attributes.put(":entity", AttributeValue.fromS(ENTITY));
        attributes.put(":algorithm", AttributeValue.fromS(owner.algorithm()));
        attributes.put(":requestedAt", AttributeValue.fromN(Long.toString(requestedAt.toEpochMilli())));
        attributes.put(":expiresAt", AttributeValue.fromN(Long.toString(requestedAt.plus(retention).getEpochSecond())));
        attributes.put(":now", AttributeValue.fromN(Long.toString(now.toEpochMilli())));
        // Every attribute through a name placeholder: no need to know which are DynamoDB reserved words.
        Map<String, String> names = new HashMap<>(Map.of("#entity", "entity", "#algorithm", "ownerHashAlgorithm",
                "#requestedAt", "requestedAt", "#updatedAt", "updatedAt", "#expiresAt", JobTable.EXPIRES_AT));
        if (!extraSet.isEmpty()) {
            names.put("#completedAt", "completedAt");
        }
        StringBuilder add = new StringBuilder(" ADD ");
        for (int i = 0; i < COUNTS.length; i++) {
            attributes.put(":" + COUNTS[i], AttributeValue.fromN(Long.toString(values[i])));
            names.put("#" + COUNTS[i], COUNTS[i]);
            add.append(i == 0 ? "" : ", ").append('#').append(COUNTS[i]).append(" :").append(COUNTS[i]);
        }
        return dynamo.updateItem(b -> b.tableName(table)
                .key(key(owner, requestedAt, erasureJobId))
                .updateExpression("SET #entity = :entity, #algorithm = :algorithm, #requestedAt = :requestedAt,"
                        + " #updatedAt = :now, #expiresAt = :expiresAt" + extraSet + add)
                .expressionAttributeNames(names)
                .expressionAttributeValues(attributes)
                .returnValues(ReturnValue.ALL_NEW)).attributes();
    }
}
