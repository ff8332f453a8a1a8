package dev.sluice.worker.sms;

import java.time.Instant;

/**
 * A message Twilio has on record for a number ({@link TwilioSmsProvider#findSentSince}).
 *
 * @param sid         Twilio's message SID
 * @param status      Twilio's status: {@code accepted}, {@code scheduled}, {@code queued}, {@code sending}
 *                    may still go out; {@code sent}, {@code delivered}, {@code undelivered}, {@code failed},
 *                    {@code canceled} are final
 * @param dateCreated when Twilio created it (second resolution)
 * @param body        the text, to tell an invitation (its referral link) from other messages to the number
 */
public record SentSms(String sid, String status, Instant dateCreated, String body) {

    /** Kept out of logs: the body is personal data. */
    @Override
    public String toString() {
        return "SentSms[sid=" + sid + ", status=" + status + ", dateCreated=" + dateCreated + "]";
    }
}
