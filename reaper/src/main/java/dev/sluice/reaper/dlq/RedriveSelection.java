package dev.sluice.reaper.dlq;

import java.util.Set;

/** Which DLQ messages a redrive takes. */
public sealed interface RedriveSelection {

    boolean includes(String taskId);

    record All() implements RedriveSelection {
        @Override
        public boolean includes(String taskId) {
            return true;
        }
    }

    record Tasks(Set<String> taskIds) implements RedriveSelection {
        public Tasks {
            taskIds = Set.copyOf(taskIds);
        }

        @Override
        public boolean includes(String taskId) {
            return taskIds.contains(taskId);
        }
    }
}
