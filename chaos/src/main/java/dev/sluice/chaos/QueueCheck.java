package dev.sluice.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The task queue is empty on the real server (visible, hidden and delayed all zero), and the DLQ held
 * exactly the always-transient poison tasks, whose attempts ran out, when the run settled: no task that
 * could have succeeded was dead-lettered, none of the hopeless ones is missing. Duplicate DLQ messages
 * for one such task (it was queued twice) are reported, not failures.
 */
public record QueueCheck(String name, boolean passed, long queueVisible, long queueHidden, long queueDelayed,
                         int dlqMessages, int dlqExpected, int dlqUnexpected, int dlqMissing, int dlqDuplicates,
                         int dlqUnreadable, long dlqAfterReaper, List<String> examples) implements InvariantCheck {

    public static QueueCheck of(Evidence evidence) {
        Set<String> expected = new TreeSet<>();
        for (TaskRecord task : evidence.tasks()) {
            if (task.kind() == TaskKind.POISON_TRANSIENT) {
                expected.add(task.taskId());
            }
        }
        DeadLetters dlq = evidence.dlqBeforeReaper();
        Set<String> found = dlq.distinct();
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
                dlq.unreadable(), evidence.dlqAfterReaper().total(), examples);
    }
}
