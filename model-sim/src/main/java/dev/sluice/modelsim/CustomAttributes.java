package dev.sluice.modelsim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code X-Amzn-SageMaker-Custom-Attributes} header as the workers fill it:
 * {@code taskId=<id>;fencingToken=<n>;worker=<workerId>}. Parsed leniently because SageMaker
 * passes the header through opaquely: unknown keys are kept, malformed parts ignored, and a
 * fencing token that is not a number is treated as absent.
 *
 * @param raw          the header as received, null when absent (echoed back unchanged)
 * @param taskId       value of {@code taskId}, or null
 * @param fencingToken value of {@code fencingToken}, or null
 * @param caller       value of {@code worker}, or null
 * @param values       every key=value pair, in order
 */
public record CustomAttributes(String raw, String taskId, Long fencingToken, String caller, Map<String, String> values) {

    public static final String HEADER = "X-Amzn-SageMaker-Custom-Attributes";

    public CustomAttributes {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static CustomAttributes parse(String header) {
        Map<String, String> values = new LinkedHashMap<>();
        if (header != null) {
            for (String part : header.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    values.putIfAbsent(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
                }
            }
        }
        return new CustomAttributes(header, blankToNull(values.get("taskId")), parseLong(values.get("fencingToken")),
                blankToNull(values.get("worker")), values);
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static Long parseLong(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
