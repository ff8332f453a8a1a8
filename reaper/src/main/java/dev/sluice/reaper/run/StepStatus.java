package dev.sluice.reaper.run;

/** How far a maintenance step got in one run. */
public enum StepStatus {
    /** Ran to the end; some items may still have failed (see the step's errors). */
    DONE,
    /** Deliberately not run (disabled, or not applicable here); the report says why. */
    SKIPPED,
    /** Stopped by an error that concerns the whole step, such as an unreachable service. */
    FAILED,
    /** Stopped because the run's lock was about to expire. */
    INTERRUPTED;

    public String wireName() {
        return name().toLowerCase();
    }
}
