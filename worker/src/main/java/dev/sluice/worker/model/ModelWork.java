package dev.sluice.worker.model;

import dev.sluice.core.job.Job;
import dev.sluice.core.job.JobType;
import dev.sluice.core.lease.Lease;
import dev.sluice.worker.task.Cancellation;
import dev.sluice.worker.task.TaskWork;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Set;

/** Inference: the job's input to its model endpoint, the model's answer as the output. */
@ApplicationScoped
public class ModelWork implements TaskWork {
    private final ModelInvoker model;

    public ModelWork(ModelInvoker model) {
        this.model = model;
    }

    @Override
    public Set<JobType> types() {
        return EnumSet.of(JobType.IMAGE_GENERATION, JobType.VIDEO_ANALYSIS);
    }

    @Override
    public String traceStep() {
        return "model.invoke";
    }

    @Override
    public ModelResult run(Job job, Lease lease, Cancellation cancellation) {
        return model.invoke(new ModelCall(job.type(), job.input(), lease), cancellation);
    }
}
