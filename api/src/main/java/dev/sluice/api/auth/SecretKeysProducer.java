package dev.sluice.api.auth;

import dev.sluice.api.config.SluiceConfig;
import dev.sluice.api.metrics.AwsRequestMetrics;
import dev.sluice.core.auth.SecretKeyStore;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The Secrets Manager key source, with its own SDK client (no extension builds one) only when
 * {@code sluice.api.keys.secret-id} is set. Region and credentials come from the SDK's default chains
 * like every other client; the endpoint from the override or the SDK's AWS_ENDPOINT_URL_SECRETS_MANAGER.
 */
public class SecretKeysProducer {

    @Produces
    @Singleton
    SecretKeySource secretKeys(SluiceConfig config, Clock clock, AwsRequestMetrics awsRequests) {
        SluiceConfig.Api.Keys keys = config.api().keys();
        if (keys.secretId().isEmpty()) {
            return SecretKeySource.none();
        }
        var builder = SecretsManagerClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(keys.callTimeout()))
                // A refresh runs on a request thread: it must not hang there.
                .overrideConfiguration(c -> c.apiCallTimeout(keys.callTimeout())
                        // Counted like the extensions' clients' requests (quarkus.<service>.interceptors).
                        .addExecutionInterceptor(awsRequests));
        keys.endpointOverride().ifPresent(builder::endpointOverride);
        SecretsManagerClient client = builder.build();
        SecretKeyStore store = new SecretKeyStore(client, keys.secretId().get(), clock);
        return new SecretKeySource(store, client::close, config.api().keyCacheTtl(), System::nanoTime);
    }

    void close(@Disposes SecretKeySource source) {
        source.close();
    }
}
