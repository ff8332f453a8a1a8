package dev.sluice.worker.sms;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishResponse;

/**
 * Sends through Amazon SNS: {@code Publish} with {@code PhoneNumber}, as a Transactional SMS (higher
 * delivery priority than Promotional, and sent to numbers on do-not-disturb lists where the law allows).
 *
 * <p><b>No idempotency.</b> SNS has no idempotency key or deduplication for SMS (the
 * {@code MessageDeduplicationId} of FIFO topics does not apply to direct publishes), and no API to ask
 * which SMS went to a number. An {@link SmsSendResult.Unknown} cannot be reconciled: sending again may
 * deliver the invitation twice, not sending may deliver none. {@link SmsMessage#idempotencyKey()} and
 * {@link SmsMessage#statusCallback()} are not used (delivery status goes to CloudWatch Logs when SNS
 * delivery status logging is on). Failures are classified by {@link SnsFailures}.
 */
public final class SnsSmsProvider implements SmsProvider {
    static final String SMS_TYPE = "AWS.SNS.SMS.SMSType";
    static final String SENDER_ID = "AWS.SNS.SMS.SenderID";

    private final SnsClient sns;
    private final Map<String, MessageAttributeValue> attributes;

    /** @param sns a client that does not retry ({@link dev.sluice.worker.wiring.SnsClientProducer}) */
    public SnsSmsProvider(SnsClient sns, Optional<String> senderId) {
        this.sns = Objects.requireNonNull(sns, "sns");
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        attributes.put(SMS_TYPE, text("Transactional"));
        senderId.filter(id -> !id.isBlank()).ifPresent(id -> attributes.put(SENDER_ID, text(id)));
        this.attributes = Map.copyOf(attributes);
    }

    @Override
    public SmsSendResult send(SmsMessage message) {
        PublishResponse response;
        try {
            response = sns.publish(b -> b.phoneNumber(message.toE164()).message(message.body())
                    .messageAttributes(attributes));
        } catch (SdkException e) {
            return SnsFailures.classify(e);
        }
        String id = response.messageId();
        if (id == null || id.isBlank()) {
            return new SmsSendResult.Unknown("SNS answered without a MessageId");
        }
        return new SmsSendResult.Sent(id);
    }

    @Override
    public String name() {
        return SmsConfig.ProviderName.sns.name();
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
