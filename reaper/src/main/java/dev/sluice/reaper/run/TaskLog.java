package dev.sluice.reaper.run;

import dev.sluice.core.job.Task;
import dev.sluice.core.job.TaskRef;
import org.jboss.logging.MDC;

/** Puts a task's identifiers on every log line written while it is open (structured logs). */
public final class TaskLog implements AutoCloseable {

    private TaskLog() {
    }

    public static TaskLog of(TaskRef ref) {
        MDC.put("jobId", ref.jobId());
        MDC.put("taskId", ref.taskId());
        return new TaskLog();
    }

    /** The task's identifiers with its lease's: attempt, fencing token and, while leased, the worker (workerId). */
    public static TaskLog of(Task task) {
        TaskLog log = of(task.ref());
        MDC.put("attempt", String.valueOf(task.attempts()));
        MDC.put("fencingToken", String.valueOf(task.fencingToken()));
        task.leaseOwner().ifPresent(owner -> MDC.put("workerId", owner));
        return log;
    }

    @Override
    public void close() {
        MDC.remove("jobId");
        MDC.remove("taskId");
        MDC.remove("attempt");
        MDC.remove("fencingToken");
        MDC.remove("workerId");
    }
}
