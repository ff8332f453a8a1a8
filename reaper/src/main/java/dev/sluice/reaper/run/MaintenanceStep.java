package dev.sluice.reaper.run;

/** One duty of the reaper run. A step records per-item failures in its report and goes on. */
public interface MaintenanceStep {

    /** The step's key in the run summary. */
    String name();

    /** Count keys reported even when zero. */
    String[] countKeys();

    void run(RunContext context, StepReport report) throws InterruptedException;
}
