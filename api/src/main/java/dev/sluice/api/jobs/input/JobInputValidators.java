package dev.sluice.api.jobs.input;

import dev.sluice.core.job.JobType;
import io.quarkus.arc.All;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the validator for a job type clients may submit. Built eagerly so such a type without a
 * validator fails the start, not a request; types with routes of their own have none.
 */
@Startup
@ApplicationScoped
public class JobInputValidators {
    private final Map<JobType, JobInputValidator> byType = new EnumMap<>(JobType.class);

    public JobInputValidators(@All List<JobInputValidator> validators) {
        for (JobInputValidator validator : validators) {
            JobInputValidator clash = byType.put(validator.type(), validator);
            if (clash != null) {
                throw new IllegalStateException("Two validators for " + validator.type() + ": "
                        + clash.getClass().getName() + ", " + validator.getClass().getName());
            }
        }
        for (JobType type : JobType.values()) {
            if (type.submittable() && !byType.containsKey(type)) {
                throw new IllegalStateException("No JobInputValidator for job type " + type.wireName());
            }
        }
    }

    public JobInputValidator forType(JobType type) {
        return byType.get(type);
    }
}
