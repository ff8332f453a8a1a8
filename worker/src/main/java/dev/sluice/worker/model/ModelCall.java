package dev.sluice.worker.model;

import dev.sluice.core.job.JobType;
import dev.sluice.core.lease.Lease;

/** One invocation: the task's input plus the lease it runs under, for the model's audit trail. */
public record ModelCall(JobType type, String inputJson, Lease lease) {

    /**
     * SageMaker's CustomAttributes header; it lets the endpoint (and its logs) tie an invocation to a
     * task attempt, and a fencing-aware model could refuse stale holders.
     */
    public String customAttributes() {
        return "taskId=" + lease.ref().taskId() + ";fencingToken=" + lease.fencingToken() + ";worker=" + lease.owner();
    }
}
