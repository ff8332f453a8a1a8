package dev.sluice.modelsim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A deterministic failure for tests: the first {@code times} invocations <em>of each task ID</em>
 * whose raw request body contains {@code match} fail with {@code kind}; {@code times == -1} means
 * always. Counting per task lets a test say "this job's prompt fails twice, then succeeds" while
 * other tasks carrying the same text get their own two failures.
 *
 * <p>Text form (CLI): {@code match=flaky,kind=model-5xx,times=2}; {@code times} defaults to -1.
 */
public record FaultRule(String match, FailureKind kind, int times) {

    public static final int ALWAYS = -1;

    @JsonCreator
    public FaultRule(@JsonProperty("match") String match,
                     @JsonProperty("kind") FailureKind kind,
                     @JsonProperty("times") Integer times) {
        this(match, kind, times == null ? ALWAYS : times.intValue());
    }

    public FaultRule {
        if (match == null || match.isEmpty()) {
            throw new IllegalArgumentException("fault rule needs a non-empty match");
        }
        Objects.requireNonNull(kind, "fault rule needs a kind");
        if (times < ALWAYS) {
            throw new IllegalArgumentException("fault rule times must be -1 (always) or >= 0, got " + times);
        }
    }

    public static FaultRule always(String match, FailureKind kind) {
        return new FaultRule(match, kind, ALWAYS);
    }

    public static FaultRule times(String match, FailureKind kind, int times) {
        return new FaultRule(match, kind, times);
    }

    boolean matches(String rawBody) {
        return rawBody.contains(match);
    }

    /** Parses {@code match=...,kind=...,times=N}; keys in any order. */
    public static FaultRule parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("fault '" + text + "' is not match=TEXT,kind=KIND[,times=N]");
            }
            String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            if (!key.equals("match") && !key.equals("kind") && !key.equals("times")) {
                throw new IllegalArgumentException("unknown key '" + key + "' in fault '" + text + "'");
            }
            fields.put(key, part.substring(eq + 1));
        }
        if (!fields.containsKey("kind")) {
            throw new IllegalArgumentException("fault '" + text + "' has no kind");
        }
        int times;
        try {
            times = fields.containsKey("times") ? Integer.parseInt(fields.get("times").trim()) : ALWAYS;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("times in fault '" + text + "' is not a number");
        }
        return new FaultRule(fields.get("match"), FailureKind.fromId(fields.get("kind")), times);
    }

    /** Text form, accepted back by {@link #parse(String)}. */
    public String describe() {
        return "match=" + match + ",kind=" + kind.id() + ",times=" + times;
    }
}
