package dev.sluice.localaws;

/**
 * A local AWS server could not be provisioned or started.
 *
 * <p>Unchecked on purpose: callers are tests and the local runner, which cannot recover and
 * should fail with the message, which always says what to do or carries the server's log tail.
 */
public class LocalAwsException extends RuntimeException {

    public LocalAwsException(String message) {
        super(message);
    }

    public LocalAwsException(String message, Throwable cause) {
        super(message, cause);
    }
}
