package dev.sluice.api.openapi;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The form Twilio posts to a message's StatusCallback; only the fields the API reads are described,
 * and every other field Twilio sends is allowed (and signed).
 */
@Schema(name = "TwilioStatusCallback")
public record TwilioStatusForm(
        @Schema(required = true, example = "SM0123456789abcdef0123456789abcdef") String MessageSid,
        @Schema(required = true, example = "delivered",
                description = "delivered: the invitation becomes DELIVERED; failed, undelivered: recorded; others ignored")
        String MessageStatus,
        @Schema(example = "30003") String ErrorCode) {
}
