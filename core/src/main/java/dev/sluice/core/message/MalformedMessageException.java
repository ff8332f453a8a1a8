package dev.sluice.core.message;

/** A message body that is not a task envelope this code understands: a poison message. */
public class MalformedMessageException extends RuntimeException {
    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
