package dev.sluice.bench.drain;

import dev.sluice.core.job.JobType;

/**
 * What every task the drain scenarios seed asks for: the smallest image the model accepts, so that
 * rendering it (in the simulator, on the same 2 cores) stays a small part of a task's cost.
 */
public final class BenchTasks {
    public static final JobType TYPE = JobType.IMAGE_GENERATION;
    /** The job input, as the API would have normalised it. */
    public static final String INPUT = "{\"prompt\":\"a sluice gate at dawn\",\"width\":64,\"height\":64}";
    /** The worker's default endpoint name for {@link #TYPE}; the simulator answers any name. */
    public static final String ENDPOINT = "sluice-image-generation";
    public static final String ACCEPT = "image/png";

    private BenchTasks() {
    }
}
