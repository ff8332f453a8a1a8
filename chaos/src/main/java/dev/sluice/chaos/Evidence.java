package dev.sluice.chaos;

import java.util.List;

/**
 * Everything collected after the run, from the real servers and the logs, for the invariant checks.
 *
 * @param dlqBeforeReaper the DLQ's messages when the tasks had settled, before the reaper could act on them
 * @param dlqAfterReaper  the DLQ's messages after the last reaper pass, when the system had settled
 */
public record Evidence(Scenario scenario, List<TaskRecord> tasks, OutputVersions outputs, WorkerLogs logs,
                       AuditAnalysis audit, QueueCounts queue, DeadLetters dlqBeforeReaper,
                       DeadLetters dlqAfterReaper) {

    public Evidence {
        tasks = List.copyOf(tasks);
    }
}
