package dev.sluice.worker.wiring;

import dev.sluice.worker.sms.SnsTransmission;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.SnsClientBuilder;

/**
 * The SNS client, from the builder the Quarkus extension configures (quarkus.sns.*: endpoint override,
 * or the SDK's AWS_ENDPOINT_URL_SNS; timeouts, interceptors, telemetry) with two changes for SMS: the SDK
 * never retries, because a retried Publish after a read timeout can send the SMS twice and SNS cannot
 * deduplicate it; and {@link SnsTransmission} tells failures before sending from those after.
 */
public class SnsClientProducer {

    @Produces
    @Singleton
    SnsClient sns(SnsClientBuilder builder) {
        ClientOverrideConfiguration configured = builder.overrideConfiguration();
        ClientOverrideConfiguration.Builder override = configured == null
                ? ClientOverrideConfiguration.builder() : configured.toBuilder();
        return builder.overrideConfiguration(override
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .addExecutionInterceptor(new SnsTransmission())
                        .build())
                .build();
    }

    void close(@Disposes SnsClient client) {
        client.close();
    }
}
