package dev.sluice.core.limits;

import dev.sluice.core.store.JobTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * A fixed-window request counter per API key, kept in the job table so every API replica shares it:
 * item {@code pk = RATE#{keyId}#{windowStart epoch seconds}, sk = RATE}. Counting is one conditional
 * {@code UpdateItem}, {@code ADD #count 1} only while {@code #count < limit}, so however many replicas
 * count at once, exactly {@code limit} requests per window are allowed. {@code expiresAt} is the
 * window's end, so DynamoDB's TTL removes finished windows; none is ever read again, since the next
 * window has another key.
 */
public final class WindowCounter {
    static final String COUNT = "requestCount";
    /**
     * Counting sits in front of every request, so it gets a short budget of its own (retries included)
     * rather than the client's: a DynamoDB that is slow or away leaves the request uncounted instead
     * of holding it.
     */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final int limit;
    private final Duration window;

    public WindowCounter(DynamoDbClient dynamo, String table, Clock clock, int limit, Duration window) {
        if (limit < 1) {
            throw new IllegalArgumentException("a rate limit allows at least 1 request: " + limit);
        }
        RequestWindow.containing(Instant.EPOCH, window); // refuses windows that are not whole seconds
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.limit = limit;
        this.window = window;
    }

    public int limit() {
        return limit;
    }

    /** The window {@code now} falls in. */
    public RequestWindow windowAt(Instant now) {
        return RequestWindow.containing(now, window);
    }

    /** Counts one request of {@code keyId} unless its current window is used up. */
    public WindowCount count(String keyId) {
        RequestWindow current = windowAt(clock.instant());
        try {
            Map<String, AttributeValue> counted = dynamo.updateItem(UpdateItemRequest.builder()
                    .tableName(table)
                    .key(JobTable.rateWindowKey(keyId, current.start().getEpochSecond()))
                    .updateExpression("SET #entity = :entity, #expiresAt = :expiresAt ADD #count :one")
                    .conditionExpression("attribute_not_exists(#count) OR #count < :limit")
                    .expressionAttributeNames(Map.of("#entity", "entity", "#expiresAt", JobTable.EXPIRES_AT,
                            "#count", COUNT))
                    .expressionAttributeValues(Map.of(
                            ":entity", AttributeValue.fromS("rate-window"),
                            ":expiresAt", AttributeValue.fromN(Long.toString(current.end().getEpochSecond())),
                            ":one", AttributeValue.fromN("1"),
                            ":limit", AttributeValue.fromN(Integer.toString(limit))))
                    .returnValues(ReturnValue.UPDATED_NEW)
                    .overrideConfiguration(c -> c.apiCallTimeout(CALL_TIMEOUT))
                    .build()).attributes();
            return new WindowCount.Allowed(current, limit, Integer.parseInt(counted.get(COUNT).n()));
        } catch (ConditionalCheckFailedException usedUp) {
            return new WindowCount.Exhausted(current, limit);
        } catch (SdkException unreachable) {
            return new WindowCount.Uncounted(current, limit, unreachable);
        }
    }
}
