package dev.sluice.reaper.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.core.auth.ApiKeys;
import dev.sluice.core.auth.KeyFormat;
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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operators' API key tools: create (key printed once), list (no secrets), revoke. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(KubernetesMockResource.class)
class KeysCommandsTest {

    @Inject
    Reaper reaper;

    @Inject
    ApiKeys keys;

    @Inject
    TestClock clock;

    private String owner;

    @BeforeEach
    void setUp() {
        clock.reset();
        owner = "owner-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void createPrintsTheKeyOnceAndItAuthenticates() {
        CommandResult result = reaper.execute("keys", "create", "--owner", owner, "--scopes", "jobs:read,jobs:write",
                "--valid-days", "30");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode line = result.json();
        String key = line.path("key").asText();
        assertThat(KeyFormat.parse(key)).map(KeyFormat.ParsedKey::keyId).contains(line.path("keyId").asText());
        assertThat(line.path("ownerId").asText()).isEqualTo(owner);
        assertThat(line.path("scopes").toString()).isEqualTo("[\"jobs:read\",\"jobs:write\"]");
        assertThat(Instant.parse(line.path("notAfter").asText()))
                .isEqualTo(Instant.parse(line.path("notBefore").asText()).plus(Duration.ofDays(30)));
        assertThat(line.has("keyHash")).isFalse();
        assertThat(result.err()).contains("not shown again").doesNotContain(key);
        assertThat(keys.authenticate(key)).isPresent();
    }

    @Test
    void listShowsAnOwnersKeysWithoutSecretsAndRevokeEndsOne() {
        String first = reaper.execute("keys", "create", "--owner", owner, "--scopes", "jobs:read").json().path("key").asText();
        clock.advance(Duration.ofSeconds(1));
        JsonNode second = reaper.execute("keys", "create", "--owner", owner, "--scopes", "admin",
                "--not-before", "2030-01-01T00:00:00Z").json();
        String firstId = KeyFormat.parse(first).orElseThrow().keyId();

        CommandResult list = reaper.execute("keys", "list", "--owner", owner);
        assertThat(list.exitCode()).as(list.err()).isZero();
        List<JsonNode> lines = list.jsonLines();
        assertThat(lines).extracting(l -> l.path("keyId").asText()).containsExactly(second.path("keyId").asText(), firstId);
        assertThat(lines.get(0).path("validNow").asBoolean()).as("not yet valid").isFalse();
        assertThat(lines.get(1).path("validNow").asBoolean()).isTrue();
        assertThat(list.out()).doesNotContain(first).doesNotContain(second.path("key").asText())
                .doesNotContain("\"key\"").doesNotContain(KeyFormat.hash(first));

        CommandResult revoke = reaper.execute("keys", "revoke", firstId);
        assertThat(revoke.exitCode()).as(revoke.err()).isZero();
        assertThat(revoke.json().path("revoked").asBoolean()).isTrue();
        assertThat(keys.authenticate(first)).isEmpty();
        assertThat(reaper.execute("keys", "list", "--owner", owner).jsonLines().get(1).path("revoked").asBoolean()).isTrue();
    }

    @Test
    void badArgumentsAreUsageErrorsAndUnknownKeysNotFound() {
        assertThat(reaper.execute("keys", "create", "--owner", owner, "--scopes", "jobs:delete").exitCode()).isEqualTo(2);
        assertThat(reaper.execute("keys", "create", "--owner", owner, "--scopes", "jobs:read", "--not-before", "soon")
                .exitCode()).isEqualTo(2);
        assertThat(reaper.execute("keys", "create", "--owner", owner, "--scopes", "jobs:read", "--valid-days", "0")
                .exitCode()).isEqualTo(2);
        assertThat(reaper.execute("keys", "create", "--scopes", "jobs:read").exitCode()).isEqualTo(2);
        assertThat(reaper.execute("keys").exitCode()).isEqualTo(2);
        assertThat(reaper.execute("keys", "revoke", KeyFormat.newKeyId()).exitCode()).isEqualTo(3);
        assertThat(reaper.execute("keys", "list", "--owner", owner).jsonLines()).isEmpty();
    }
}
