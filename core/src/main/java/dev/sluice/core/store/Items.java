package dev.sluice.core.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Typed reads and writes of item attributes; instants are stored as epoch milliseconds. */
public final class Items {
    private Items() {
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static AttributeValue millis(Instant instant) {
        return n(instant.toEpochMilli());
    }

    public static Optional<String> string(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.s() == null ? Optional.empty() : Optional.of(v.s());
    }

    public static String requiredString(Map<String, AttributeValue> item, String name) {
        return string(item, name).orElseThrow(() -> new IllegalStateException("item lacks " + name + ": " + item));
    }

    public static Optional<Long> number(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? Optional.empty() : Optional.of(Long.parseLong(v.n()));
    }

    public static long numberOrZero(Map<String, AttributeValue> item, String name) {
        return number(item, name).orElse(0L);
    }

    public static Optional<Instant> instant(Map<String, AttributeValue> item, String name) {
        return number(item, name).map(Instant::ofEpochMilli);
    }

    public static Instant requiredInstant(Map<String, AttributeValue> item, String name) {
        return instant(item, name).orElseThrow(() -> new IllegalStateException("item lacks " + name + ": " + item));
    }
}
