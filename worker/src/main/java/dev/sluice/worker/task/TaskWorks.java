package dev.sluice.worker.task;

import dev.sluice.core.job.JobType;
import io.quarkus.arc.All;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The work for each job type. Built eagerly so a type without work fails the start, not a task. */
@Startup
@ApplicationScoped
public class TaskWorks {
    private final Map<JobType, TaskWork> byType = new EnumMap<>(JobType.class);

    public TaskWorks(@All List<TaskWork> works) {
        for (TaskWork work : works) {
            for (JobType type : work.types()) {
                TaskWork clash = byType.put(type, work);
                if (clash != null) {
                    throw new IllegalStateException("Two works for " + type.wireName() + ": "
                            + clash.getClass().getName() + ", " + work.getClass().getName());
                }
            }
        }
        for (JobType type : JobType.values()) {
            if (!byType.containsKey(type)) {
                throw new IllegalStateException("No TaskWork for job type " + type.wireName());
            }
        }
    }

    public TaskWork forType(JobType type) {
        return byType.get(type);
    }
}
