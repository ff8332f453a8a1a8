package dev.sluice.devstack;

import dev.sluice.localaws.LocalAws;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/**
 * The symmetric KMS key of invitations on the local servers, under a fixed alias so every app can name
 * it without being told an ID; created once per server, found again by its alias after that.
 */
public final class InvitationsKey {
    public static final String ALIAS = "alias/sluice-invitations";

    private InvitationsKey() {
    }

    /** The key's ID, creating the key and its alias if they do not exist yet. */
    public static String provision(LocalAws aws) {
        try (KmsClient kms = KmsClient.builder()
                .endpointOverride(aws.endpoints().kms())
                .region(Region.of(aws.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        aws.credentials().accessKeyId(), aws.credentials().secretAccessKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            try {
                return kms.describeKey(b -> b.keyId(ALIAS)).keyMetadata().keyId();
            } catch (NotFoundException absent) {
                String keyId = kms.createKey(b -> b.description("Sluice invitations (local)")).keyMetadata().keyId();
                kms.createAlias(b -> b.aliasName(ALIAS).targetKeyId(keyId));
                return keyId;
            }
        }
    }
}
