package dev.sluice.reaper.leases;

/** The reaper lock passed to another run while this one was still working. */
public class LockLostException extends RuntimeException {
    public LockLostException() {
        super("the reaper lock passed to another run; sightings not saved");
    }
}
