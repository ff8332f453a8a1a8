package dev.sluice.worker.sms;

/**
 * What a provider said about one send. The three cases differ in what a retry risks:
 * <ul>
 *   <li>{@link Sent}: the provider accepted the message (accepted, not delivered: delivery is reported
 *       later, e.g. through Twilio's status callback). Never send again.</li>
 *   <li>{@link Rejected}: a definite answer that <em>nothing was sent</em>: the provider answered with an
 *       error of its own, or the request never left this process (no connection could be opened). A retry
 *       cannot cause a duplicate; {@link Rejected#retryable()} says whether it can succeed.</li>
 *   <li>{@link Unknown}: the request may or may not have reached the provider (a read timeout, a connection
 *       reset after the request was written, a 5xx without the provider's error body, an unreadable
 *       success). A blind retry may send the SMS twice; reconcile first where the provider allows it
 *       ({@link TwilioSmsProvider#findSentSince}); SNS offers no way to.</li>
 * </ul>
 */
public sealed interface SmsSendResult {

    /** @param providerMessageId SNS {@code MessageId} or Twilio message SID ({@code SM…}) */
    record Sent(String providerMessageId) implements SmsSendResult {
    }

    /**
     * @param code      the provider's error code ({@code InvalidParameter}, {@code 21211}, …), or one of
     *                  this package's: {@code connect-failed}, {@code http-<status>}
     * @param reason    the provider's message, for logs (may contain the phone number: log it through the
     *                  redacting filter only)
     * @param retryable whether the same message may succeed later (throttling, a provider outage); false for
     *                  a bad or opted-out number, missing permissions and the like
     */
    record Rejected(String code, String reason, boolean retryable) implements SmsSendResult {
    }

    /** @param reason what happened, for logs */
    record Unknown(String reason) implements SmsSendResult {
    }
}
