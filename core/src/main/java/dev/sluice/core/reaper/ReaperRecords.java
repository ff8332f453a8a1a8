package dev.sluice.core.reaper;

import dev.sluice.core.lease.NamedLock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads and writes the {@link ReaperRecord} on the reaper's lock item, so it needs no item of its own
 * and is written under the lock. Totals are added with {@code ADD}, one attribute per action, so a
 * run never has to read them first.
 */
public final class ReaperRecords {
    /** The reaper's singleton lock: the item that carries the record. */
    public static final String REAPER_LOCK = "reaper";
    static final String LAST_RUN_AT = "reaperLastRunAt";
    static final String LAST_SUCCESS_AT = "reaperLastSuccessAt";
    static final String LAST_DURATION_MS = "reaperLastDurationMs";
    static final String ACTION_PREFIX = "reaperActions_";

    private final DynamoDbClient dynamo;
    private final String table;
    private final String lockName;

    public ReaperRecords(DynamoDbClient dynamo, String table, String lockName) {
        this.dynamo = dynamo;
        this.table = table;
        this.lockName = lockName;
    }

    /** Records one finished run: when, how long, whether without errors, and what it did. */
    public void record(Instant endedAt, Duration duration, boolean succeeded, Map<ReaperAction, Long> actions) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#lastRun", LAST_RUN_AT);
        names.put("#duration", LAST_DURATION_MS);
        values.put(":lastRun", number(endedAt.toEpochMilli()));
        values.put(":duration", number(duration.toMillis()));
        StringBuilder set = new StringBuilder("SET #lastRun = :lastRun, #duration = :duration");
        if (succeeded) {
            names.put("#lastSuccess", LAST_SUCCESS_AT);
            set.append(", #lastSuccess = :lastRun");
        }
        StringBuilder add = new StringBuilder();
        for (ReaperAction action : ReaperAction.values()) {
            String placeholder = "#a_" + action.tag();
            names.put(placeholder, ACTION_PREFIX + action.tag());
            values.put(":a_" + action.tag(), number(actions.getOrDefault(action, 0L)));
            add.append(add.length() == 0 ? " ADD " : ", ").append(placeholder).append(" :a_").append(action.tag());
        }
        dynamo.updateItem(b -> b.tableName(table).key(NamedLock.key(lockName))
                .updateExpression(set.toString() + add)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values));
    }

    public ReaperRecord read() {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(NamedLock.key(lockName))).item();
        if (item == null || !item.containsKey(LAST_RUN_AT)) {
            return ReaperRecord.none();
        }
        Map<ReaperAction, Long> totals = new EnumMap<>(ReaperAction.class);
        for (ReaperAction action : ReaperAction.values()) {
            totals.put(action, numberOrZero(item, ACTION_PREFIX + action.tag()));
        }
        return new ReaperRecord(instant(item, LAST_RUN_AT), instant(item, LAST_SUCCESS_AT),
                Optional.ofNullable(item.get(LAST_DURATION_MS)).map(v -> Duration.ofMillis(Long.parseLong(v.n()))),
                totals);
    }

    private static Optional<Instant> instant(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(v -> Instant.ofEpochMilli(Long.parseLong(v.n())));
    }

    private static long numberOrZero(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
