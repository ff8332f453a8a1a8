package dev.sluice.core.store;

/** A listing cursor that {@link OwnerJobs} did not issue for this owner: malformed, tampered or another owner's. */
public class InvalidCursorException extends IllegalArgumentException {
    public InvalidCursorException(String message) {
        super(message);
    }
}
