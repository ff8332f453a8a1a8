package dev.sluice.modelsim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The installed fault rules and, per rule, how many times each task ID has already been failed by
 * it. Rules are tried in the order they were added; the first one that matches and still has
 * failures left for the task wins, and only that rule's count moves.
 */
final class FaultBook {

    /** Invocations without a task ID in their custom attributes share this counter. */
    private static final String NO_TASK = "";

    private static final class Entry {
        final FaultRule rule;
        final Map<String, Integer> failedByTask = new HashMap<>();

        Entry(FaultRule rule) {
            this.rule = rule;
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    synchronized void add(FaultRule rule) {
        entries.add(new Entry(rule));
    }

    synchronized List<FaultRule> rules() {
        return entries.stream().map(e -> e.rule).toList();
    }

    synchronized void clear() {
        entries.clear();
    }

    /** Decides, and counts, whether this invocation is failed by a rule. */
    synchronized Optional<FailureKind> apply(String rawBody, String taskId) {
        String task = taskId == null ? NO_TASK : taskId;
        for (Entry entry : entries) {
            if (!entry.rule.matches(rawBody)) {
                continue;
            }
            int failed = entry.failedByTask.getOrDefault(task, 0);
            if (entry.rule.times() == FaultRule.ALWAYS || failed < entry.rule.times()) {
                entry.failedByTask.put(task, failed + 1);
                return Optional.of(entry.rule.kind());
            }
        }
        return Optional.empty();
    }
}
