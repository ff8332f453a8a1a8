package dev.sluice.api.invitations;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Twilio's message status callbacks ({@code POST /api/invitations/status/twilio}). */
@ConfigMapping(prefix = "sluice.sms.twilio")
public interface TwilioConfig {

    /** The account's auth token: the key of the X-Twilio-Signature HMAC. Absent: every callback is refused (403). */
    Optional<String> authToken();

    /**
     * The callback's public URL exactly as Twilio calls it (scheme, host, path and any query), i.e. the
     * StatusCallback the worker gives Twilio; the signature covers it. Behind a proxy the API cannot know it.
     */
    Optional<String> statusCallbackUrl();
}
