package dev.sluice.worker.sms;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The {@link SmsProvider} that {@code sluice.sms.provider} names, and the {@link SmsTemplate} of
 * {@code sluice.sms.template}. The SNS client is only built when SNS is the provider.
 */
public class SmsProviderProducer {

    @Produces
    @Singleton
    SmsProvider smsProvider(SmsConfig config, Instance<SnsClient> sns) {
        if (config.provider() == SmsConfig.ProviderName.twilio) {
            return new TwilioSmsProvider(TwilioSettings.from(config.twilio()));
        }
        return new SnsSmsProvider(sns.get(), config.sns().senderId());
    }

    @Produces
    @Singleton
    SmsTemplate smsTemplate(SmsConfig config) {
        return SmsTemplate.from(config);
    }
}
