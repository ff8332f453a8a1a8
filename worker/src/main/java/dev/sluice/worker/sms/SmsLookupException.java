package dev.sluice.worker.sms;

/**
 * Twilio could not say which messages it has: the caller must treat the question as open, never as
 * "nothing was sent". The message names what failed, never credentials.
 */
public class SmsLookupException extends Exception {
    private static final long serialVersionUID = 1L;

    public SmsLookupException(String message) {
        super(message);
    }

    public SmsLookupException(String message, Throwable cause) {
        super(message, cause);
    }
}
