package dev.sluice.worker.invitations;

import dev.sluice.core.invitations.InvitationDelivery;
import dev.sluice.core.invitations.PhoneCipher;
import dev.sluice.worker.config.WorkerConfig;
import dev.sluice.worker.metrics.AwsRequestMetrics;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The sending side of invitations and the KMS client that decrypts numbers. No extension builds a KMS
 * client: region, credentials and endpoint (AWS_ENDPOINT_URL_KMS) come from the SDK's default chains.
 */
public class InvitationBeans {
    private static final Duration KMS_TIMEOUT = Duration.ofSeconds(5);

    @Produces
    @Singleton
    KmsClient kms(AwsRequestMetrics awsRequests) {
        return KmsClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(KMS_TIMEOUT))
                .overrideConfiguration(c -> c.apiCallTimeout(KMS_TIMEOUT).addExecutionInterceptor(awsRequests))
                .build();
    }

    void close(@Disposes KmsClient kms) {
        kms.close();
    }

    @Produces
    @Singleton
    PhoneCipher phoneCipher(KmsClient kms) {
        return PhoneCipher.decryptOnly(kms);
    }

    @Produces
    @Singleton
    InvitationDelivery invitationDelivery(DynamoDbClient dynamo, WorkerConfig config, Clock clock) {
        return new InvitationDelivery(dynamo, config.table(), clock);
    }
}
