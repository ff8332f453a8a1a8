package dev.sluice.worker.sms;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link TwilioSmsProvider} needs, from {@link SmsConfig.Twilio} or built by a test.
 * {@link #toString()} masks the auth token, so the record can be logged.
 *
 * @param sender a sender number ({@code +…}, sent as {@code From}) or a Messaging Service SID
 *               ({@code MG…}, sent as {@code MessagingServiceSid})
 */
public record TwilioSettings(URI baseUrl, String accountSid, String authToken, String sender,
                             Duration connectTimeout, Duration readTimeout) {

    public TwilioSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(authToken, "authToken");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
    }

    /** Fails with the names of the missing keys (never their values) when twilio is not configured. */
    public static TwilioSettings from(SmsConfig.Twilio config) {
        Optional<String> sender = config.messagingServiceSid().filter(s -> !s.isBlank())
                .or(() -> config.from().filter(s -> !s.isBlank()));
        return new TwilioSettings(config.baseUrl(),
                config.accountSid().filter(s -> !s.isBlank()).orElseThrow(() -> missing("account-sid")),
                config.authToken().filter(s -> !s.isBlank()).orElseThrow(() -> missing("auth-token")),
                sender.orElseThrow(() -> missing("from or sluice.sms.twilio.messaging-service-sid")),
                config.connectTimeout(), config.readTimeout());
    }

    boolean sendsFromMessagingService() {
        return sender.startsWith("MG");
    }

    @Override
    public String toString() {
        return "TwilioSettings[baseUrl=" + baseUrl + ", accountSid=" + accountSid + ", authToken=***, sender="
                + sender + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }

    private static IllegalStateException missing(String key) {
        return new IllegalStateException("sluice.sms.twilio." + key + " is not set");
    }
}
