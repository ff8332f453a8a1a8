package dev.sluice.reaper.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.core.auth.ApiKey;
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
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code keys rotate} on the job table: a replacement printed once, the old key ending after the overlap. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(KubernetesMockResource.class)
class KeysRotateCommandTest {

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

    private JsonNode create(String... extra) {
        String[] args = new String[4 + extra.length + 2];
        System.arraycopy(new String[] {"keys", "create", "--owner", owner}, 0, args, 0, 4);
        System.arraycopy(new String[] {"--scopes", "jobs:read,admin"}, 0, args, 4, 2);
        System.arraycopy(extra, 0, args, 6, extra.length);
        CommandResult result = reaper.execute(args);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result.json();
    }

    @Test
    void rotatePrintsTheReplacementOnceAndBothKeysWorkUntilTheOverlapEnds() {
        JsonNode old = create("--valid-days", "90");
        String oldKey = old.path("key").asText();
        String oldId = old.path("keyId").asText();

        Instant before = clock.instant();
        CommandResult result = reaper.execute("keys", "rotate", oldId, "--overlap", "7d");
        Instant after = clock.instant();

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode line = result.json();
        String newKey = line.path("key").asText();
        assertThat(KeyFormat.parse(newKey)).map(KeyFormat.ParsedKey::keyId).contains(line.path("keyId").asText());
        assertThat(line.path("keyId").asText()).isNotEqualTo(oldId);
        assertThat(line.path("ownerId").asText()).isEqualTo(owner);
        assertThat(line.path("scopes").toString()).isEqualTo("[\"admin\",\"jobs:read\"]");
        assertThat(Duration.between(Instant.parse(line.path("notBefore").asText()), Instant.parse(line.path("notAfter").asText())))
                .as("the old key's lifetime").isEqualTo(Duration.ofDays(90));
        assertThat(line.path("replaces").path("keyId").asText()).isEqualTo(oldId);
        Instant oldEnd = Instant.parse(line.path("replaces").path("notAfter").asText());
        assertThat(oldEnd).isBetween(before.plus(Duration.ofDays(7)).minusMillis(1), after.plus(Duration.ofDays(7)));
        assertThat(keys.find(oldId).flatMap(ApiKey::notAfter)).contains(oldEnd);
        assertThat(result.err()).contains("not shown again").doesNotContain(newKey);
        assertThat(line.has("keyHash")).isFalse();

        assertThat(keys.authenticate(oldKey)).isPresent();
        assertThat(keys.authenticate(newKey)).isPresent();
        clock.advance(Duration.ofDays(7).plusSeconds(1));
        assertThat(keys.authenticate(oldKey)).as("after the overlap").isEmpty();
        assertThat(keys.authenticate(newKey)).isPresent();
    }

    @Test
    void aLaterRotationNeverExtendsTheOldKey() {
        String oldId = create().path("keyId").asText();
        assertThat(reaper.execute("keys", "rotate", oldId, "--overlap", "1h").exitCode()).isZero();
        Instant end = keys.find(oldId).flatMap(ApiKey::notAfter).orElseThrow();

        CommandResult again = reaper.execute("keys", "rotate", oldId, "--overlap", "30d", "--valid-days", "10");

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(Instant.parse(again.json().path("replaces").path("notAfter").asText())).isEqualTo(end);
        assertThat(keys.find(oldId).flatMap(ApiKey::notAfter)).contains(end);
        assertThat(Duration.between(Instant.parse(again.json().path("notBefore").asText()),
                Instant.parse(again.json().path("notAfter").asText()))).isEqualTo(Duration.ofDays(10));
        assertThat(reaper.execute("keys", "list", "--owner", owner).jsonLines()).hasSize(3);
    }

    @Test
    void revokedAndUnknownKeysAreNotRotated() {
        String revokedId = create().path("keyId").asText();
        reaper.execute("keys", "revoke", revokedId);

        CommandResult revoked = reaper.execute("keys", "rotate", revokedId);
        assertThat(revoked.exitCode()).isEqualTo(1);
        assertThat(revoked.err()).contains("revoked");
        assertThat(revoked.out()).isBlank();
        assertThat(reaper.execute("keys", "rotate", KeyFormat.newKeyId()).exitCode()).isEqualTo(3);
        assertThat(reaper.execute("keys", "rotate", revokedId, "--overlap", "soon").exitCode()).isEqualTo(2);
        assertThat(reaper.execute("keys", "rotate", revokedId, "--valid-days", "0").exitCode()).isEqualTo(2);
        assertThat(reaper.execute("keys", "list", "--owner", owner).jsonLines()).hasSize(1);
    }
}
