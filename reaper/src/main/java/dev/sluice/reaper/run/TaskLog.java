package dev.sluice.reaper.run;

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

    @Override
    public void close() {
        MDC.remove("jobId");
        MDC.remove("taskId");
    }
}
