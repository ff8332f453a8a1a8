package dev.sluice.core;

import dev.sluice.localaws.LocalAws;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Secrets Manager on the shared local moto server; each test makes its own secret. */
public record MotoSecrets(SecretsManagerClient client) {

    public static MotoSecrets create() {
        LocalAws aws = LocalAws.shared();
        return new MotoSecrets(SecretsManagerClient.builder()
                .endpointOverride(aws.endpoints().secretsManager())
                .region(Region.of(aws.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        aws.credentials().accessKeyId(), aws.credentials().secretAccessKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .build());
    }

    /** A new secret holding {@code content}; returns its name. */
    public String newSecret(String content) {
        String name = "sluice/api-keys-" + UUID.randomUUID();
        client.createSecret(b -> b.name(name).secretString(content));
        return name;
    }

    public String current(String secretId) {
        return client.getSecretValue(b -> b.secretId(secretId).versionStage("AWSCURRENT")).secretString();
    }
}
