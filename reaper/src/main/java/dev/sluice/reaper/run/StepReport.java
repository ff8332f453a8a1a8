package dev.sluice.reaper.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.reaper.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one step did: counts per action, string details (the selector used, why it was skipped) and
 * errors. Counts a step declares up front appear even when zero, so dashboards see stable keys.
 */
public final class StepReport {
    private final String name;
    private StepStatus status = StepStatus.DONE;
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Map<String, String> details = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();

    public StepReport(String name, String... countKeys) {
        this.name = name;
        for (String key : countKeys) {
            counts.put(key, 0L);
        }
    }

    public String name() {
        return name;
    }

    public StepStatus status() {
        return status;
    }

    public void count(String key) {
        add(key, 1);
    }

    public void add(String key, long amount) {
        counts.merge(key, amount, Long::sum);
    }

    public long get(String key) {
        return counts.getOrDefault(key, 0L);
    }

    public void detail(String key, String value) {
        details.put(key, value);
    }

    public void skip(String reason) {
        status = StepStatus.SKIPPED;
        details.put("reason", reason);
    }

    public void interrupted() {
        status = StepStatus.INTERRUPTED;
        errors.add("stopped: the reaper lock is about to expire");
    }

    /** An item failed; the step goes on with the next one. */
    public void error(String message) {
        errors.add(message);
    }

    /** The step as a whole failed. */
    public void failed(Exception e) {
        status = StepStatus.FAILED;
        errors.add(describe(e));
    }

    public List<String> errors() {
        return List.copyOf(errors);
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("status", status.wireName());
        counts.forEach(node::put);
        details.forEach(node::put);
        return node;
    }

    public static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
