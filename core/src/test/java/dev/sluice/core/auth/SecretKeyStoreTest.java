package dev.sluice.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.MotoSecrets;
import dev.sluice.core.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keys written into a Secrets Manager secret (moto): hashes only, rotation, and no lost concurrent edit. */
class SecretKeyStoreTest {
    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
    private static MotoSecrets secrets;

    @BeforeAll
    static void setUp() {
        secrets = MotoSecrets.create();
    }

    @AfterAll
    static void tearDown() {
        secrets.client().close();
    }

    private static SecretKeyStore store(String secretId, MutableClock clock) {
        return new SecretKeyStore(secrets.client(), secretId, clock);
    }

    @Test
    void aCreatedKeyIsStoredAsItsHashOnly() {
        String secretId = secrets.newSecret("{\"keys\":[]}");
        SecretKeyStore store = store(secretId, new MutableClock(START));

        CreatedKey created = store.create("acme", Set.of(ApiKey.JOBS_READ), Optional.empty(), Optional.of(START.plus(Duration.ofDays(90))));

        String stored = secrets.current(secretId);
        assertThat(stored).contains(created.record().keyId()).contains(KeyFormat.hash(created.key()))
                .doesNotContain(created.key());
        ApiKey record = KeySecret.parse(stored).find(created.record().keyId()).orElseThrow();
        assertThat(ApiKeys.verify(record, created.key(), START)).isTrue();
        assertThat(record.notAfter()).contains(START.plus(Duration.ofDays(90)));
    }

    @Test
    void rotationAddsAReplacementAndEndsTheOldKeyAfterTheOverlap() {
        String secretId = secrets.newSecret("{\"keys\":[]}");
        MutableClock clock = new MutableClock(START);
        SecretKeyStore store = store(secretId, clock);
        CreatedKey old = store.create("acme", Set.of(ApiKey.JOBS_WRITE), Optional.empty(), Optional.of(START.plus(Duration.ofDays(90))));
        clock.advance(Duration.ofDays(80));

        Rotation.Rotated rotated = (Rotation.Rotated) store.rotate(old.record().keyId(), Duration.ofDays(7), Optional.empty());

        KeySecret content = store.read();
        ApiKey previous = content.find(old.record().keyId()).orElseThrow();
        ApiKey replacement = content.find(rotated.replacement().record().keyId()).orElseThrow();
        assertThat(previous.notAfter()).contains(START.plus(Duration.ofDays(87)));
        assertThat(replacement.ownerId()).isEqualTo("acme");
        assertThat(replacement.scopes()).containsExactly(ApiKey.JOBS_WRITE);
        assertThat(replacement.lifetime()).as("the old key's lifetime").contains(Duration.ofDays(90));
        assertThat(ApiKeys.verify(replacement, rotated.replacement().key(), clock.instant())).isTrue();

        clock.advance(Duration.ofDays(5));
        store.rotate(old.record().keyId(), Duration.ofDays(30), Optional.empty());
        assertThat(store.read().find(old.record().keyId()).flatMap(ApiKey::notAfter)).as("never extended")
                .contains(START.plus(Duration.ofDays(87)));
    }

    @Test
    void revokedOrMissingKeysAreNotRotatedAndNothingIsWritten() {
        String secretId = secrets.newSecret("{\"keys\":[]}");
        SecretKeyStore store = store(secretId, new MutableClock(START));
        CreatedKey key = store.create("acme", Set.of(ApiKey.JOBS_READ), Optional.empty(), Optional.empty());
        assertThat(store.revoke(key.record().keyId()).flatMap(ApiKey::revokedAt)).contains(START);
        String before = secrets.current(secretId);

        assertThat(store.rotate(key.record().keyId(), Duration.ofDays(7), Optional.empty())).isInstanceOf(Rotation.Revoked.class);
        assertThat(store.rotate(KeyFormat.newKeyId(), Duration.ofDays(7), Optional.empty())).isInstanceOf(Rotation.NotFound.class);
        assertThat(store.revoke(KeyFormat.newKeyId())).isEmpty();
        assertThat(secrets.current(secretId)).isEqualTo(before);
    }

    @Test
    void anEditThatRacesAnotherIsRedoneOnTopOfIt() {
        String secretId = secrets.newSecret("{\"keys\":[]}");
        SecretKeyStore store = store(secretId, new MutableClock(START));
        SecretKeyStore other = store(secretId, new MutableClock(START));
        AtomicInteger attempts = new AtomicInteger();

        CreatedKey mine = store.edit(secret -> {
            if (attempts.getAndIncrement() == 0) {
                // Another operator's write lands between this edit's read and its write.
                other.create("other", Set.of(ApiKey.JOBS_READ), Optional.empty(), Optional.empty());
            }
            CreatedKey created = KeyIssuer.issue("acme", Set.of(ApiKey.JOBS_READ), START, Optional.empty(), Optional.empty());
            return new SecretKeyStore.Edit<>(Optional.of(secret.with(created.record())), created);
        });

        assertThat(attempts).hasValue(2);
        KeySecret content = store.read();
        assertThat(content.keys()).extracting(ApiKey::ownerId).containsExactly("other", "acme");
        assertThat(content.find(mine.record().keyId())).isPresent();
    }

    @Test
    void aMalformedSecretIsNotEdited() {
        String secretId = secrets.newSecret("{\"keys\":[{}]}");
        SecretKeyStore store = store(secretId, new MutableClock(START));

        assertThatThrownBy(() -> store.create("acme", Set.of(ApiKey.JOBS_READ), Optional.empty(), Optional.empty()))
                .isInstanceOf(MalformedKeySecretException.class);
        assertThat(secrets.current(secretId)).isEqualTo("{\"keys\":[{}]}");
    }
}
