package dev.sluice.reaper.cli;

/** Exit codes of every command, documented in docs/runbook.md. */
public final class ExitCodes {
    /** Done; for {@code run} also: another run held the lock, so this one did nothing. */
    public static final int OK = 0;
    /** Something failed; the JSON output lists the errors. */
    public static final int ERROR = 1;
    /** Bad arguments; the usage is printed on stderr. Picocli's own code for usage errors. */
    public static final int USAGE = 2;
    /** The job, task or DLQ message asked for does not exist. */
    public static final int NOT_FOUND = 3;

    private ExitCodes() {
    }
}
