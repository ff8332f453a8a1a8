package dev.sluice.chaos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every submitted task exists exactly once and ended where its kind must end: NORMAL tasks COMPLETED,
 * poison tasks FAILED. Nothing lost (a task index with no task item), nothing created twice (two items
 * for one index: an idempotency failure), nothing stuck (PENDING or PROCESSING at the end).
 */
public record TerminalCheck(String name, boolean passed, int expected, int found, int completed, int failed,
                            int stuck, int missing, int duplicated, int failedNotPoison, int completedPoison,
                            List<String> examples) implements InvariantCheck {

    public static TerminalCheck of(Evidence evidence) {
        int expected = evidence.scenario().tasks().size();
        Map<Integer, Integer> perIndex = new HashMap<>();
        int completed = 0;
        int failed = 0;
        int stuck = 0;
        int failedNotPoison = 0;
        int completedPoison = 0;
        List<String> examples = new ArrayList<>();
        for (TaskRecord task : evidence.tasks()) {
            perIndex.merge(task.index(), 1, Integer::sum);
            boolean wrong = false;
            if (TaskRecord.COMPLETED.equals(task.status())) {
                completed++;
                if (task.kind().isPoison()) {
                    completedPoison++;
                    wrong = true;
                }
            } else if (TaskRecord.FAILED.equals(task.status())) {
                failed++;
                if (!task.kind().isPoison()) {
                    failedNotPoison++;
                    wrong = true;
                }
            } else {
                stuck++;
                wrong = true;
            }
            if (wrong && examples.size() < 5) {
                examples.add(task.taskId() + " " + task.kind() + " " + task.status() + " attempts=" + task.attempts()
                        + task.lastError().map(e -> " lastError=" + e).orElse(""));
            }
        }
        int missing = 0;
        for (int i = 0; i < expected; i++) {
            if (!perIndex.containsKey(i)) {
                missing++;
            }
        }
        int duplicated = (int) perIndex.values().stream().filter(n -> n > 1).count();
        boolean passed = evidence.tasks().size() == expected && missing == 0 && duplicated == 0 && stuck == 0
                && failedNotPoison == 0 && completedPoison == 0;
        return new TerminalCheck("allTerminal", passed, expected, evidence.tasks().size(), completed, failed, stuck,
                missing, duplicated, failedNotPoison, completedPoison, examples);
    }
}
