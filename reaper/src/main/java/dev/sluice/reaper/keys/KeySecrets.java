package dev.sluice.reaper.keys;

import dev.sluice.core.auth.SecretKeyStore;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Key secrets named with {@code --secret}. The Secrets Manager client is built on first use, so the
 * CronJob's runs and the other commands never build it. Region, credentials and endpoint come from
 * the SDK's default chains (AWS_REGION, IRSA, AWS_ENDPOINT_URL_SECRETS_MANAGER), like the other clients.
 */
@Singleton
public class KeySecrets {
    /** As long as the reaper's DynamoDB calls may take: an operator waits, nothing else does. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final Clock clock;
    private SecretsManagerClient client;

    public KeySecrets(Clock clock) {
        this.clock = clock;
    }

    public synchronized SecretKeyStore store(String secretId) {
        if (client == null) {
            client = SecretsManagerClient.builder()
                    .httpClient(UrlConnectionHttpClient.create())
                    .overrideConfiguration(c -> c.apiCallTimeout(CALL_TIMEOUT))
                    .build();
        }
        return new SecretKeyStore(client, secretId, clock);
    }

    @PreDestroy
    synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}
