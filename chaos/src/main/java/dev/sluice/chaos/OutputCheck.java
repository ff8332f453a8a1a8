package dev.sluice.chaos;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Exactly one S3 object version per COMPLETED task, at the key its item records and not deleted, and no
 * current output object for a FAILED task. The bucket is versioned, so a second put of an output would
 * be a second version even though the key is the same. An output the reaper deleted (a delete marker
 * on top) is no current object: reported as {@code failedOutputsDeleted}. Current objects belonging to
 * no completed task are orphans.
 */
public record OutputCheck(String name, boolean passed, int completedTasks, int withOneVersion, int withoutOutput,
                          int withExtraVersions, int completedDeleted, int failedWithOutput, int failedOutputsDeleted,
                          int orphanKeys, int totalVersions, List<String> examples) implements InvariantCheck {

    public static OutputCheck of(Evidence evidence) {
        OutputVersions outputs = evidence.outputs();
        Set<String> expectedKeys = new HashSet<>();
        int completed = 0;
        int one = 0;
        int without = 0;
        int extra = 0;
        int failedWithOutput = 0;
        int failedDeleted = 0;
        int completedDeleted = 0;
        List<String> examples = new ArrayList<>();
        for (TaskRecord task : evidence.tasks()) {
            if (TaskRecord.COMPLETED.equals(task.status())) {
                completed++;
                String key = task.outputKey().orElse("");
                expectedKeys.add(key);
                int versions = outputs.versions(key);
                if (outputs.deleteMarkers(key) > 0) {
                    completedDeleted++;
                    example(examples, task.taskId() + " COMPLETED but its output " + key + " was deleted");
                } else if (versions == 1) {
                    one++;
                } else if (versions == 0) {
                    without++;
                    example(examples, task.taskId() + " COMPLETED without an object at '" + key + "'");
                } else {
                    extra++;
                    example(examples, task.taskId() + " has " + versions + " versions at " + key);
                }
            } else if (TaskRecord.FAILED.equals(task.status())) {
                String jobPrefix = "/" + task.jobId() + "/";
                long current = outputs.currentKeys().stream().filter(k -> k.contains(jobPrefix)).count();
                if (current > 0) {
                    failedWithOutput++;
                    example(examples, task.taskId() + " FAILED but has " + current + " output objects");
                } else if (outputs.deletedKeys().stream().anyMatch(k -> k.contains(jobPrefix))) {
                    failedDeleted++;
                }
            }
        }
        int orphans = 0;
        for (String key : outputs.currentKeys()) {
            if (!expectedKeys.contains(key)) {
                orphans++;
                example(examples, "orphan output " + key);
            }
        }
        boolean passed = one == completed && without == 0 && extra == 0 && completedDeleted == 0
                && failedWithOutput == 0 && orphans == 0;
        return new OutputCheck("oneOutputVersionPerCompletedTask", passed, completed, one, without, extra,
                completedDeleted, failedWithOutput, failedDeleted, orphans, outputs.totalVersions(), examples);
    }

    private static void example(List<String> examples, String text) {
        if (examples.size() < 5) {
            examples.add(text);
        }
    }
}
