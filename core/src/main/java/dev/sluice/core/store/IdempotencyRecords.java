package dev.sluice.core.store;

import static dev.sluice.core.store.TaskAttributes.CREATED_AT;
import static dev.sluice.core.store.TaskAttributes.ENTITY;
import static dev.sluice.core.store.TaskAttributes.JOB_ID;
import static dev.sluice.core.store.TaskAttributes.REQUEST_HASH;

import dev.sluice.core.job.NewJob;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Idempotency-Key records ({@code pk = IDEM#{ownerId}#{key}}), following the IETF Idempotency-Key
 * draft: the same key and body get the original answer, another body is refused, and a retry while
 * the first request has not answered yet is told to wait. A record is {@code IN_PROGRESS} from the
 * transaction that creates the job until the API has answered the first request (queued or not), then
 * {@code ANSWERED}. An {@code IN_PROGRESS} record older than {@link #IN_FLIGHT_TIMEOUT} belongs to a
 * request whose pod died mid-way: a retry takes over and finishes it.
 */
public final class IdempotencyRecords {
    /**
     * Longer than any first request can take (one DynamoDB transaction and one SQS send, each bounded by
     * the API's 10 s call timeout), so only a dead request's record is ever taken over.
     */
    public static final Duration IN_FLIGHT_TIMEOUT = Duration.ofSeconds(30);
    static final String STATE = "state";
    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String ANSWERED = "ANSWERED";

    /** What a clashing request found in the record. */
    public sealed interface Found {
        record SameRequest(String jobId) implements Found {
        }

        record DifferentRequest() implements Found {
        }

        record StillInFlight() implements Found {
        }
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration ttl;

    IdempotencyRecords(DynamoDbClient dynamo, String table, Duration ttl) {
        this.dynamo = dynamo;
        this.table = table;
        this.ttl = ttl;
    }

    /** The transaction item that claims {@code key} for a new job; fails if a live record holds it. */
    TransactWriteItem claim(NewJob request, String key, String jobId, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(JobTable.idempotencyKey(request.ownerId(), key));
        item.put(ENTITY, Items.s("idempotency"));
        item.put(JOB_ID, Items.s(jobId));
        item.put(REQUEST_HASH, Items.s(request.requestHash()));
        item.put(CREATED_AT, Items.millis(now));
        item.put(STATE, Items.s(IN_PROGRESS));
        item.put(JobTable.EXPIRES_AT, Items.n(now.plus(ttl).getEpochSecond()));
        return TransactWriteItem.builder().put(Put.builder()
                        .tableName(table)
                        .item(item)
                        // TTL deletion lags by up to days: an expired record must not block the key.
                        .conditionExpression("attribute_not_exists(#pk) OR #expiresAt < :nowSeconds")
                        .expressionAttributeNames(Map.of("#pk", JobTable.PK, "#expiresAt", JobTable.EXPIRES_AT))
                        .expressionAttributeValues(Map.of(":nowSeconds", Items.n(now.getEpochSecond())))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                        .build())
                .build();
    }

    /** Judges the record that made a claim fail; records from before the state existed count as answered. */
    static Found judge(Map<String, AttributeValue> existing, NewJob request, Instant now) {
        if (!request.requestHash().equals(Items.string(existing, REQUEST_HASH).orElse(""))) {
            return new Found.DifferentRequest();
        }
        boolean inProgress = IN_PROGRESS.equals(Items.string(existing, STATE).orElse(ANSWERED));
        Optional<Instant> since = Items.instant(existing, CREATED_AT);
        if (inProgress && since.map(t -> t.plus(IN_FLIGHT_TIMEOUT).isAfter(now)).orElse(false)) {
            return new Found.StillInFlight();
        }
        return new Found.SameRequest(Items.requiredString(existing, JOB_ID));
    }

    /**
     * Marks that the first request (or a retry that took over) has answered, so later retries replay
     * at once. Conditional on the job ID: a record re-claimed after expiry belongs to another job.
     */
    void answered(String ownerId, String key, String jobId) {
        try {
            dynamo.updateItem(UpdateItemRequest.builder()
                    .tableName(table)
                    .key(JobTable.idempotencyKey(ownerId, key))
                    .updateExpression("SET #state = :answered")
                    .conditionExpression("#jobId = :jobId")
                    .expressionAttributeNames(Map.of("#state", STATE, "#jobId", JOB_ID))
                    .expressionAttributeValues(Map.of(":answered", Items.s(ANSWERED), ":jobId", Items.s(jobId)))
                    .build());
        } catch (ConditionalCheckFailedException e) {
            // The record expired and was claimed for another job, or is gone: nothing of ours to mark.
        }
    }
}
