package dev.sluice.chaos;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The task IDs of the messages in the DLQ at one moment (a task may appear twice if it was queued twice). */
public record DeadLetters(List<String> taskIds, int unreadable) {

    public DeadLetters {
        taskIds = List.copyOf(taskIds);
    }

    public Set<String> distinct() {
        return new TreeSet<>(taskIds);
    }

    public int messages() {
        return taskIds.size() + unreadable;
    }
}
