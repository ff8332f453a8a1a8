package dev.sluice.worker.sms;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Invitation SMS settings ({@code sluice.sms.*}, env {@code SLUICE_SMS_*}); checked at start-up by {@link SmsConfigCheck}. */
@ConfigMapping(prefix = "sluice.sms")
public interface SmsConfig {

    /** Which gateway sends: {@code sns} (Amazon SNS, the worker's AWS credentials) or {@code twilio}. */
    @WithDefault("sns")
    ProviderName provider();

    /** The product name the text mentions ({@code {appName}}). */
    @WithDefault("Sluice")
    String appName();

    /**
     * The invitation text. Placeholders: {@code {inviterName}}, {@code {appName}}, {@code {referralUrl}}
     * (required). Must fit one SMS segment with a 20-character name and a typical link: 160 GSM-7
     * characters, or 70 when it needs Unicode ({@link SmsTemplate}).
     */
    @WithDefault(SmsTemplate.DEFAULT_PATTERN)
    String template();

    /**
     * Attempts (task leases) an invitation gets. A definite, retryable refusal on the last one fails
     * the invitation instead of retrying. Keep it at most the queue's {@code maxReceiveCount}, so the
     * invitation fails with its reason before the message is dead-lettered.
     */
    @WithDefault("3")
    int maxAttempts();

    Sns sns();

    Twilio twilio();

    enum ProviderName {
        sns, twilio
    }

    interface Sns {
        /**
         * Alphanumeric sender ID ({@code AWS.SNS.SMS.SenderID}, 1-11 characters) shown instead of a number
         * where the destination country allows it. Absent: SNS picks the origination number.
         */
        Optional<String> senderId();
    }

    interface Twilio {
        /** Twilio's REST API root; tests point it at a stand-in. */
        @WithDefault("https://api.twilio.com")
        URI baseUrl();

        /** Account SID ({@code AC…}); required when the provider is twilio. */
        Optional<String> accountSid();

        /**
         * Auth token of the account: a secret, set from a Kubernetes Secret
         * ({@code SLUICE_SMS_TWILIO_AUTH_TOKEN}). Never logged. Required when the provider is twilio.
         */
        Optional<String> authToken();

        /** Sender number in E.164 form; give this or {@link #messagingServiceSid()}. */
        Optional<String> from();

        /** Messaging Service SID ({@code MG…}); wins over {@link #from()} when both are set. */
        Optional<String> messagingServiceSid();

        /**
         * The API's public status callback ({@code https://<api host>/api/invitations/status/twilio}), sent
         * with every message so Twilio reports delivery; the API's {@code sluice.sms.twilio.status-callback-url}
         * must be the same URL, since Twilio signs it.
         */
        Optional<URI> statusCallbackUrl();

        /** Longest wait for a TCP/TLS connection; a failure here means nothing was sent. */
        @WithDefault("5s")
        Duration connectTimeout();

        /**
         * Longest wait for Twilio's answer once the request is sent; past it the outcome is
         * {@link SmsSendResult.Unknown}.
         */
        @WithDefault("10s")
        Duration readTimeout();
    }
}
