package dev.sluice.reaper.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.core.auth.ApiKey;
import dev.sluice.core.auth.ApiKeys;
import dev.sluice.core.auth.KeyFormat;
import dev.sluice.core.auth.KeySecret;
import dev.sluice.devstack.DevStack;
import dev.sluice.devstack.DevStackResource;
import dev.sluice.reaper.CommandResult;
import dev.sluice.reaper.KubernetesMockResource;
import dev.sluice.reaper.Reaper;
import dev.sluice.reaper.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** {@code keys create|rotate|revoke --secret}: hashed records written into a Secrets Manager secret. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(KubernetesMockResource.class)
class KeysSecretCommandsTest {

    @Inject
    Reaper reaper;

    @Inject
    ApiKeys tableKeys;

    @Inject
    TestClock clock;

    private final SecretsManagerClient secrets = DevStack.shared().clients().secretsManager();
    private String secretId;

    @BeforeEach
    void setUp() {
        clock.reset();
        secretId = "sluice/api-keys-" + UUID.randomUUID();
        secrets.createSecret(b -> b.name(secretId).secretString("{\"keys\":[]}"));
    }

    private String content() {
        return secrets.getSecretValue(b -> b.secretId(secretId).versionStage("AWSCURRENT")).secretString();
    }

    @Test
    void createWritesOnlyTheHashIntoTheSecretAndPrintsTheKeyOnce() {
        CommandResult result = reaper.execute("keys", "create", "--secret", secretId, "--owner", "acme",
                "--scopes", "jobs:read", "--valid-days", "90");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode line = result.json();
        String key = line.path("key").asText();
        String keyId = line.path("keyId").asText();
        assertThat(line.path("secret").asText()).isEqualTo(secretId);
        assertThat(result.err()).contains("not shown again").doesNotContain(key);
        String stored = content();
        assertThat(stored).contains(keyId, KeyFormat.hash(key)).doesNotContain(key);
        ApiKey record = KeySecret.parse(stored).find(keyId).orElseThrow();
        assertThat(ApiKeys.verify(record, key, clock.instant())).isTrue();
        assertThat(record.notAfter()).contains(Instant.parse(line.path("notAfter").asText()));
        assertThat(tableKeys.find(keyId)).as("not in the table").isEmpty();
    }

    @Test
    void rotateAndRevokeWorkOnTheSecret() {
        JsonNode old = reaper.execute("keys", "create", "--secret", secretId, "--owner", "acme", "--scopes", "jobs:write").json();
        String oldId = old.path("keyId").asText();

        CommandResult rotated = reaper.execute("keys", "rotate", oldId, "--secret", secretId, "--overlap", "2d");

        assertThat(rotated.exitCode()).as(rotated.err()).isZero();
        String newKey = rotated.json().path("key").asText();
        String newId = rotated.json().path("keyId").asText();
        KeySecret content = KeySecret.parse(content());
        assertThat(content.keys()).extracting(ApiKey::keyId).containsExactly(oldId, newId);
        Instant oldEnd = content.find(oldId).flatMap(ApiKey::notAfter).orElseThrow();
        assertThat(Instant.parse(rotated.json().path("replaces").path("notAfter").asText())).isEqualTo(oldEnd);
        assertThat(ApiKeys.verify(content.find(oldId).orElseThrow(), old.path("key").asText(), clock.instant())).isTrue();
        assertThat(ApiKeys.verify(content.find(newId).orElseThrow(), newKey, clock.instant())).isTrue();
        clock.advance(Duration.ofDays(2).plusSeconds(1));
        assertThat(ApiKeys.verify(content.find(oldId).orElseThrow(), old.path("key").asText(), clock.instant())).isFalse();

        CommandResult revoke = reaper.execute("keys", "revoke", newId, "--secret", secretId);
        assertThat(revoke.exitCode()).as(revoke.err()).isZero();
        assertThat(revoke.json().path("revoked").asBoolean()).isTrue();
        assertThat(KeySecret.parse(content()).find(newId).flatMap(ApiKey::revokedAt)).isPresent();
        assertThat(reaper.execute("keys", "rotate", newId, "--secret", secretId).exitCode()).isEqualTo(1);
        assertThat(reaper.execute("keys", "rotate", KeyFormat.newKeyId(), "--secret", secretId).exitCode()).isEqualTo(3);
        assertThat(reaper.execute("keys", "rotate", oldId).exitCode()).as("not in the table").isEqualTo(3);
    }

    @Test
    void aMissingOrMalformedSecretIsNotWritten() {
        CommandResult missing = reaper.execute("keys", "create", "--secret", "sluice/no-such-secret", "--owner", "acme",
                "--scopes", "jobs:read");
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.err()).contains("secret sluice/no-such-secret not found");
        assertThat(missing.out()).isBlank();

        secrets.putSecretValue(b -> b.secretId(secretId).secretString("{\"keys\":[{\"keyId\":1}]}"));
        CommandResult malformed = reaper.execute("keys", "create", "--secret", secretId, "--owner", "acme", "--scopes", "jobs:read");
        assertThat(malformed.exitCode()).isEqualTo(1);
        assertThat(malformed.err()).contains("keys[0].keyId");
        assertThat(malformed.out()).isBlank();
        assertThat(content()).isEqualTo("{\"keys\":[{\"keyId\":1}]}");
    }
}
