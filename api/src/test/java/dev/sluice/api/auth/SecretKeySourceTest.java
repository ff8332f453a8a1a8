package dev.sluice.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.SecretKeys;
import dev.sluice.core.auth.ApiKey;
import dev.sluice.core.auth.CreatedKey;
import dev.sluice.core.auth.KeySecret;
import dev.sluice.core.auth.SecretKeyStore;
import dev.sluice.devstack.DevStack;
import dev.sluice.devstack.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The secret is read whole at most once per TTL, however many lookups there are; what it holds shows
 * after the TTL, and an unreadable or malformed secret leaves the last good copy answering. The source
 * is built by hand on a clock the test moves; {@code @QuarkusTest} only so the test shares the
 * application's local stack instead of starting a second one in another class loader.
 */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class SecretKeySourceTest {
    private static final Duration TTL = Duration.ofSeconds(30);

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final AtomicInteger reads = new AtomicInteger();
    private SecretsManagerClient client;

    @BeforeEach
    void client() {
        DevStack stack = DevStack.shared();
        client = SecretsManagerClient.builder().endpointOverride(stack.aws().endpoints().secretsManager())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        if ("GetSecretValue".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
                            reads.incrementAndGet();
                        }
                    }
                })).build();
    }

    @AfterEach
    void close() {
        client.close();
    }

    private SecretKeySource source(String secretId) {
        return new SecretKeySource(new SecretKeyStore(client, secretId, Clock.systemUTC()), () -> { }, TTL, nanos::get);
    }

    private static CreatedKey issue() {
        return SecretKeys.issue("cache-owner", Instant.now(), Optional.empty(), ApiKey.JOBS_READ);
    }

    @Test
    void oneReadPerTtlHoweverManyLookups() {
        CreatedKey first = issue();
        CreatedKey second = issue();
        String secretId = SecretKeys.newSecret(new KeySecret(List.of(first.record())).toJson());
        SecretKeySource source = source(secretId);

        for (int i = 0; i < 100; i++) {
            assertThat(source.find(first.record().keyId())).isPresent();
            assertThat(source.find(second.record().keyId())).isEmpty();
        }
        assertThat(reads).hasValue(1);

        SecretKeys.put(secretId, new KeySecret(List.of(first.record(), second.record())));
        nanos.addAndGet(TTL.toNanos() - 1);
        assertThat(source.find(second.record().keyId())).as("within the TTL").isEmpty();
        nanos.addAndGet(1);
        assertThat(source.find(second.record().keyId())).as("after the TTL").isPresent();
        assertThat(reads).hasValue(2);
    }

    @Test
    void aMalformedOrUnreadableSecretKeepsTheLastGoodCopy() {
        CreatedKey good = issue();
        String secretId = SecretKeys.newSecret(new KeySecret(List.of(good.record())).toJson());
        SecretKeySource source = source(secretId);
        assertThat(source.find(good.record().keyId())).isPresent();

        SecretKeys.put(secretId, "{\"keys\":");
        nanos.addAndGet(TTL.toNanos());
        assertThat(source.find(good.record().keyId())).isPresent();
        assertThat(reads).as("the malformed version was read").hasValue(2);

        SecretKeys.client().deleteSecret(b -> b.secretId(secretId).forceDeleteWithoutRecovery(true));
        nanos.addAndGet(TTL.toNanos());
        assertThat(source.find(good.record().keyId())).isPresent();
        assertThat(reads).hasValue(3);
        assertThat(source.find(good.record().keyId())).as("no retry before the TTL").isPresent();
        assertThat(reads).hasValue(3);
    }

    @Test
    void aSecretThatWasNeverReadableFindsNothing() {
        SecretKeySource source = source("sluice/no-such-secret");

        assertThat(source.find(issue().record().keyId())).isEmpty();
        assertThat(SecretKeySource.none().find(issue().record().keyId())).isEmpty();
    }
}
