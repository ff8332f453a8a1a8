package dev.sluice.core;

import dev.sluice.localaws.LocalAws;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/** KMS on the shared local moto server, with a symmetric key of its own. */
public record MotoKms(KmsClient client, String keyId) {

    public static MotoKms create() {
        LocalAws aws = LocalAws.shared();
        KmsClient client = KmsClient.builder()
                .endpointOverride(aws.endpoints().kms())
                .region(Region.of(aws.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        aws.credentials().accessKeyId(), aws.credentials().secretAccessKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        String keyId = client.createKey(b -> b.description("sluice invitations test")).keyMetadata().keyId();
        return new MotoKms(client, keyId);
    }
}
