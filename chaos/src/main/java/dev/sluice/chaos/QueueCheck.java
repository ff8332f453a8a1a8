package dev.sluice.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The task queue is empty on the real server (visible, hidden and delayed all zero), and once the
 * system (workers and reaper, as the CronJob would run it) has settled the DLQ holds exactly the
 * always-transient poison tasks, whose attempts ran out: no task that could have succeeded is left
 * there, none of the hopeless ones is missing. Ordinary tasks whose receives were used up by kills
 * and outages may pass through the DLQ on the way (the reaper queues them again); how many did is
 * reported as {@code dlqBeforeReaper}. Duplicate DLQ messages for one hopeless task (it was queued
 * twice) are reported, not failures.
 */
public record QueueCheck(String name, boolean passed, long queueVisible, long queueHidden, long queueDelayed,
                         int dlqMessages, int dlqExpected, int dlqUnexpected, int dlqMissing, int dlqDuplicates,
                         int dlqUnreadable, int dlqBeforeReaper, int dlqBeforeReaperNotHopeless,
                         List<String> examples) implements InvariantCheck {

    public static QueueCheck of(Evidence evidence) {
        Set<String> expected = new TreeSet<>();
        for (TaskRecord task : evidence.tasks()) {
            if (task.kind() == TaskKind.POISON_TRANSIENT) {
                expected.add(task.taskId());
            }
        }
        DeadLetters dlq = evidence.dlqAfterReaper();
        Set<String> found = dlq.distinct();
        Set<String> passedThrough = new TreeSet<>(evidence.dlqBeforeReaper().distinct());
        passedThrough.removeAll(expected);
        Set<String> unexpected = new TreeSet<>(found);
        unexpected.removeAll(expected);
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(found);
        List<String> examples = new ArrayList<>();
        unexpected.stream().limit(3).forEach(id -> examples.add("dead-lettered but not hopeless: " + id));
        missing.stream().limit(3).forEach(id -> examples.add("hopeless but not dead-lettered: " + id));
        QueueCounts queue = evidence.queue();
        boolean passed = queue.total() == 0 && unexpected.isEmpty() && missing.isEmpty() && dlq.unreadable() == 0;
        return new QueueCheck("queuesDrained", passed, queue.visible(), queue.notVisible(), queue.delayed(),
                dlq.messages(), expected.size(), unexpected.size(), missing.size(), dlq.taskIds().size() - found.size(),
                dlq.unreadable(), evidence.dlqBeforeReaper().messages(), passedThrough.size(), examples);
    }
}
