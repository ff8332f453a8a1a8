package dev.sluice.worker.sms;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * One SMS to send.
 *
 * @param toE164         recipient in E.164 form ({@code +} and up to 15 digits), e.g. {@code +447700900123}
 * @param body           the text, usually from {@link SmsTemplate#render}
 * @param idempotencyKey the invitation ID: the same invitation always carries the same key. Only used
 *                       where the provider can use it (neither SNS nor Twilio's Messages API deduplicates
 *                       on it); providers may log it to correlate
 * @param statusCallback where the provider reports delivery (Twilio's {@code StatusCallback}); SNS ignores it
 */
public record SmsMessage(String toE164, String body, String idempotencyKey, Optional<URI> statusCallback) {

    public SmsMessage {
        Objects.requireNonNull(toE164, "toE164");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(statusCallback, "statusCallback");
    }

    /** Kept out of log lines and exception messages: the number and the text are personal data. */
    @Override
    public String toString() {
        return "SmsMessage[idempotencyKey=" + idempotencyKey + ", bodyLength=" + body.length() + "]";
    }
}
