package dev.sluice.modelsim;

/** The admin API could not be reached or refused a request. */
public final class ModelSimClientException extends RuntimeException {

    private final int statusCode;

    ModelSimClientException(String message, int statusCode, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
    }

    /** HTTP status of the refusal, or 0 when no response came. */
    public int statusCode() {
        return statusCode;
    }
}
