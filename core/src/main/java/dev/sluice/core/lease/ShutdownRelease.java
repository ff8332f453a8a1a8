package dev.sluice.core.lease;

/** What handing a task back at shutdown did. */
public enum ShutdownRelease {
    /** Back to PENDING; the attempt it had taken is given back. */
    RELEASED,
    /** Back to PENDING, but the task had bounced off shutdowns too often: the attempt counts. */
    RELEASED_AS_ATTEMPT,
    /** The lease was no longer held: nothing written. */
    LOST
}
