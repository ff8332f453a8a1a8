package dev.sluice.worker.sms;

/**
 * Sends one SMS through an SMS gateway. Implementations never throw for a provider or network failure:
 * every outcome is a {@link SmsSendResult}, classified by whether something may have been sent. They do
 * not retry by themselves either (a hidden retry after an unclear failure is how an SMS goes out twice):
 * the caller decides, with the task's attempts. The bean is chosen by {@code sluice.sms.provider}
 * ({@link SmsProviderProducer}).
 */
public interface SmsProvider {

    /** Blocks for at most the provider's configured timeouts. */
    SmsSendResult send(SmsMessage message);

    /** {@code sns} or {@code twilio}, as in {@code sluice.sms.provider}: for logs and metrics. */
    String name();

    /**
     * Whether a message to {@code toE164} whose body contains {@code marker} was taken since {@code since}.
     * By default the provider cannot tell ({@link SentLookup.Unsupported}).
     */
    default SentLookup findSent(String toE164, java.time.Instant since, String marker) {
        return new SentLookup.Unsupported();
    }

    /** Whether {@link #findSent} can answer at all, so an unknown outcome can be settled later. */
    default boolean canFindSent() {
        return false;
    }
}
