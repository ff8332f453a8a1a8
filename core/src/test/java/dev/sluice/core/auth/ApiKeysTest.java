package dev.sluice.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.MotoTable;
import dev.sluice.core.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** API keys: only hashes stored, validity windows, revocation, rotation with overlap. */
class ApiKeysTest {
    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
    private static MotoTable table;

    @BeforeAll
    static void setUp() {
        table = MotoTable.create();
    }

    @AfterAll
    static void tearDown() {
        table.dynamo().close();
    }

    private static ApiKeys keys(MutableClock clock) {
        return new ApiKeys(table.dynamo(), table.name(), clock);
    }

    @Test
    void onlyTheHashIsStoredAndTheKeyAuthenticates() {
        MutableClock clock = new MutableClock(START);
        CreatedKey created = keys(clock).create("owner-a", Set.of(ApiKey.JOBS_READ), Optional.empty(), Optional.empty());

        assertThat(KeyFormat.parse(created.key())).map(KeyFormat.ParsedKey::keyId).contains(created.record().keyId());
        table.dynamo().scan(b -> b.tableName(table.name())).items().forEach(item -> {
            for (AttributeValue value : item.values()) {
                assertThat(String.valueOf(value)).doesNotContain(created.key())
                        .doesNotContain(created.key().substring(KeyFormat.PREFIX.length() + KeyFormat.KEY_ID_LENGTH + 1));
            }
        });
        Map<String, AttributeValue> item = table.dynamo().getItem(b -> b.tableName(table.name())
                .key(ApiKeys.key(created.record().keyId()))).item();
        assertThat(item.get("keyHash").s()).isEqualTo(KeyFormat.hash(created.key())).hasSize(64);
        assertThat(created.toString()).doesNotContain(created.key());

        Optional<ApiKey> found = keys(clock).authenticate(created.key());
        assertThat(found).isPresent();
        assertThat(found.get().ownerId()).isEqualTo("owner-a");
        assertThat(found.get().allows(ApiKey.JOBS_READ)).isTrue();
        assertThat(found.get().allows(ApiKey.JOBS_WRITE)).isFalse();
    }

    @Test
    void aWrongSecretOrMalformedKeyIsRefused() {
        MutableClock clock = new MutableClock(START);
        CreatedKey created = keys(clock).create("owner-a", Set.of(ApiKey.ADMIN), Optional.empty(), Optional.empty());
        String keyId = created.record().keyId();
        String forged = KeyFormat.newKey(keyId);

        assertThat(KeyFormat.parse(forged)).isPresent();
        assertThat(keys(clock).authenticate(forged)).isEmpty();
        assertThat(keys(clock).authenticate(created.key() + "x")).isEmpty();
        assertThat(keys(clock).authenticate("Bearer " + created.key())).isEmpty();
        assertThat(keys(clock).authenticate("slk_" + keyId)).isEmpty();
        assertThat(keys(clock).authenticate(null)).isEmpty();
        assertThat(keys(clock).authenticate(KeyFormat.newKey(KeyFormat.newKeyId()))).as("unknown key ID").isEmpty();
        assertThat(KeyFormat.matches(created.key(), "not hex")).isFalse();
        assertThat(created.record().allows(ApiKey.JOBS_WRITE)).as("admin implies every scope").isTrue();
    }

    @Test
    void aKeyIsValidOnlyInsideItsWindow() {
        MutableClock clock = new MutableClock(START);
        CreatedKey created = keys(clock).create("owner-b", Set.of(ApiKey.JOBS_READ),
                Optional.of(START.plus(Duration.ofHours(1))), Optional.of(START.plus(Duration.ofHours(2))));

        assertThat(keys(clock).authenticate(created.key())).as("not yet valid").isEmpty();
        clock.advance(Duration.ofHours(1));
        assertThat(keys(clock).authenticate(created.key())).isPresent();
        clock.advance(Duration.ofHours(1));
        assertThat(keys(clock).authenticate(created.key())).as("expired").isEmpty();
        assertThat(keys(clock).find(created.record().keyId())).isPresent();
    }

    @Test
    void revocationIsImmediateInTheStoreAndKeepsTheFirstTime() {
        MutableClock clock = new MutableClock(START);
        ApiKeys keys = keys(clock);
        CreatedKey created = keys.create("owner-c", Set.of(ApiKey.JOBS_WRITE), Optional.empty(), Optional.empty());

        assertThat(keys.revoke(created.record().keyId()).flatMap(ApiKey::revokedAt)).contains(START);
        clock.advance(Duration.ofMinutes(5));
        assertThat(keys.revoke(created.record().keyId()).flatMap(ApiKey::revokedAt)).contains(START);
        assertThat(keys.authenticate(created.key())).isEmpty();
        assertThat(keys.revoke(KeyFormat.newKeyId())).isEmpty();
        assertThat(keys.revoke("../etc")).isEmpty();
    }

    @Test
    void rotationOverlapsAndListingShowsAnOwnersKeysOnly() {
        MutableClock clock = new MutableClock(START);
        ApiKeys keys = keys(clock);
        CreatedKey old = keys.create("owner-d", Set.of(ApiKey.JOBS_READ), Optional.empty(), Optional.of(START.plus(Duration.ofDays(7))));
        clock.advance(Duration.ofDays(6));
        CreatedKey fresh = keys.create("owner-d", Set.of(ApiKey.JOBS_READ), Optional.empty(), Optional.empty());
        keys.create("owner-e", Set.of(ApiKey.JOBS_READ), Optional.empty(), Optional.empty());

        assertThat(keys.authenticate(old.key())).isPresent();
        assertThat(keys.authenticate(fresh.key())).isPresent();
        clock.advance(Duration.ofDays(1));
        assertThat(keys.authenticate(old.key())).as("the old key ran out").isEmpty();
        assertThat(keys.authenticate(fresh.key())).isPresent();

        assertThat(keys.listByOwner("owner-d")).extracting(ApiKey::keyId)
                .containsExactly(fresh.record().keyId(), old.record().keyId());
        assertThat(keys.listByOwner("nobody")).isEmpty();
    }

    @Test
    void rotateIssuesAReplacementAndBothWorkUntilTheOverlapEnds() {
        MutableClock clock = new MutableClock(START);
        ApiKeys keys = keys(clock);
        CreatedKey old = keys.create("owner-g", Set.of(ApiKey.JOBS_READ, ApiKey.JOBS_WRITE), Optional.empty(),
                Optional.of(START.plus(Duration.ofDays(90))));
        clock.advance(Duration.ofDays(83));

        Rotation rotation = keys.rotate(old.record().keyId(), Duration.ofDays(7), Optional.empty());

        assertThat(rotation).isInstanceOf(Rotation.Rotated.class);
        CreatedKey fresh = ((Rotation.Rotated) rotation).replacement();
        ApiKey stored = keys.find(fresh.record().keyId()).orElseThrow();
        assertThat(stored.ownerId()).isEqualTo("owner-g");
        assertThat(stored.scopes()).containsExactlyInAnyOrder(ApiKey.JOBS_READ, ApiKey.JOBS_WRITE);
        assertThat(stored.notAfter()).as("the old key's lifetime, from now").contains(clock.instant().plus(Duration.ofDays(90)));
        assertThat(keys.find(old.record().keyId()).flatMap(ApiKey::notAfter)).contains(START.plus(Duration.ofDays(90)));
        assertThat(keys.authenticate(old.key())).isPresent();
        assertThat(keys.authenticate(fresh.key())).isPresent();

        clock.advance(Duration.ofDays(7));
        assertThat(keys.authenticate(old.key())).as("past the overlap").isEmpty();
        assertThat(keys.authenticate(fresh.key())).isPresent();
    }

    @Test
    void rotateShortensButNeverExtendsTheOldKey() {
        MutableClock clock = new MutableClock(START);
        ApiKeys keys = keys(clock);
        CreatedKey old = keys.create("owner-h", Set.of(ApiKey.JOBS_READ), Optional.empty(), Optional.empty());

        Rotation.Rotated first = (Rotation.Rotated) keys.rotate(old.record().keyId(), Duration.ofDays(7), Optional.of(Duration.ofDays(30)));
        assertThat(keys.find(old.record().keyId()).flatMap(ApiKey::notAfter)).contains(START.plus(Duration.ofDays(7)));
        assertThat(first.replacement().record().notAfter()).contains(START.plus(Duration.ofDays(30)));

        keys.rotate(old.record().keyId(), Duration.ofDays(30), Optional.empty());
        assertThat(keys.find(old.record().keyId()).flatMap(ApiKey::notAfter)).contains(START.plus(Duration.ofDays(7)));
        keys.rotate(old.record().keyId(), Duration.ofDays(1), Optional.empty());
        assertThat(keys.find(old.record().keyId()).flatMap(ApiKey::notAfter)).contains(START.plus(Duration.ofDays(1)));
        assertThat(keys.listByOwner("owner-h")).hasSize(4);
    }

    @Test
    void revokedOrMissingKeysCannotBeRotated() {
        MutableClock clock = new MutableClock(START);
        ApiKeys keys = keys(clock);
        CreatedKey revoked = keys.create("owner-i", Set.of(ApiKey.JOBS_READ), Optional.empty(), Optional.empty());
        keys.revoke(revoked.record().keyId());

        assertThat(keys.rotate(revoked.record().keyId(), Duration.ofDays(7), Optional.empty())).isInstanceOf(Rotation.Revoked.class);
        assertThat(keys.rotate(KeyFormat.newKeyId(), Duration.ofDays(7), Optional.empty())).isInstanceOf(Rotation.NotFound.class);
        assertThat(keys.rotate("../etc", Duration.ofDays(7), Optional.empty())).isInstanceOf(Rotation.NotFound.class);
        assertThat(keys.listByOwner("owner-i")).hasSize(1);
        assertThat(keys.find(revoked.record().keyId()).flatMap(ApiKey::notAfter)).isEmpty();
        CreatedKey live = keys.create("owner-i", Set.of(ApiKey.JOBS_READ), Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> keys.rotate(live.record().keyId(), Duration.ofDays(-1), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badScopesOrWindowsOrOwnersAreRefused() {
        ApiKeys keys = keys(new MutableClock(START));
        assertThatThrownBy(() -> keys.create("owner-f", Set.of("jobs:delete"), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> keys.create("owner-f", Set.of(), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> keys.create("owner-f", Set.of(ApiKey.JOBS_READ), Optional.empty(), Optional.of(START)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> keys.create("../x", Set.of(ApiKey.JOBS_READ), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
