package dev.sluice.chaos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * At most one successful COMPLETED commit per task, as the workers logged it (every generation, killed
 * ones included), agreeing with DynamoDB: a task with an {@code outcome=Completed} line is COMPLETED
 * there, under the fencing token of that line. A completed task may have no such line (its worker was
 * killed between the commit and the log line, or the message delete after the commit failed during an
 * SQS outage and the task ended as Abandoned): counted, not a failure, because DynamoDB's conditional
 * commit is the record. Commits refused for a stale fencing token are reported, not failures: refusing
 * them is the protocol working.
 */
public record CommitCheck(String name, boolean passed, int completedLines, int tasksCompletedTwice,
                          int completedLineButNotCompleted, int tokenMismatch, int completedWithoutLine,
                          int refusedCommits, int leaseLostWarnings, int leaseLostOutcomes, int leaseAcquired,
                          Map<String, Integer> outcomes, Map<String, Integer> leaseLostReasons, int logFiles,
                          List<String> examples) implements InvariantCheck {

    public static CommitCheck of(Evidence evidence) {
        WorkerLogs logs = evidence.logs();
        Map<String, TaskRecord> byId = new HashMap<>();
        evidence.tasks().forEach(t -> byId.put(t.taskId(), t));
        Map<String, Integer> perTask = logs.completionsByTask();
        List<String> examples = new ArrayList<>();
        int twice = 0;
        for (Map.Entry<String, Integer> e : perTask.entrySet()) {
            if (e.getValue() > 1) {
                twice++;
                example(examples, e.getKey() + " logged Completed " + e.getValue() + " times");
            }
        }
        int notCompleted = 0;
        int mismatch = 0;
        for (WorkerLogs.Completion c : logs.completed()) {
            TaskRecord task = byId.get(c.taskId());
            if (task == null || !TaskRecord.COMPLETED.equals(task.status())) {
                notCompleted++;
                example(examples, c.taskId() + " logged Completed by " + c.workerId() + " but is "
                        + (task == null ? "missing" : task.status()));
            } else if (task.fencingToken() != c.fencingToken()) {
                mismatch++;
                example(examples, c.taskId() + " logged Completed under token " + c.fencingToken()
                        + " but the table holds token " + task.fencingToken());
            }
        }
        int withoutLine = (int) evidence.tasks().stream()
                .filter(t -> TaskRecord.COMPLETED.equals(t.status()) && !perTask.containsKey(t.taskId())).count();
        boolean passed = twice == 0 && notCompleted == 0 && mismatch == 0;
        return new CommitCheck("singleCompletedCommit", passed, logs.completed().size(), twice, notCompleted, mismatch,
                withoutLine, logs.refusedCommits(), logs.leaseLostWarnings(), logs.outcomes("LeaseLost"),
                logs.leaseAcquired(), logs.outcomeTotals(), logs.leaseLostReasons(), logs.files(), examples);
    }

    private static void example(List<String> examples, String text) {
        if (examples.size() < 5) {
            examples.add(text);
        }
    }
}
