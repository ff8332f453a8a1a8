package dev.sluice.core.auth;

import dev.sluice.core.keys.ObjectKeys;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/**
 * Mints new keys for either store (the job table's {@link ApiKeys}, a secret's {@link SecretKeyStore}):
 * the same checks and the same record, so a key does not depend on where it is kept.
 */
final class KeyIssuer {
    private KeyIssuer() {
    }

    /** A new key with a fresh random ID; the caller stores its record and hands out the plaintext once. */
    static CreatedKey issue(String ownerId, Set<String> scopes, Instant now, Optional<Instant> notBefore,
                            Optional<Instant> notAfter) {
        now = stored(now);
        ObjectKeys.uploadPrefix(ownerId); // owner IDs must be safe S3 key segments
        checkScopes(scopes);
        Instant from = notBefore.orElse(now);
        if (notAfter.isPresent() && !notAfter.get().isAfter(from)) {
            throw new IllegalArgumentException("notAfter must be after notBefore");
        }
        String keyId = KeyFormat.newKeyId();
        String plaintext = KeyFormat.newKey(keyId);
        return new CreatedKey(new ApiKey(keyId, ownerId, scopes, KeyFormat.hash(plaintext), now, from, notAfter,
                Optional.empty()), plaintext);
    }

    /** Whole milliseconds, as the table stores times: what is printed is then exactly what is stored. */
    static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    static void checkScopes(Set<String> scopes) {
        if (scopes.isEmpty() || !ApiKey.ALL_SCOPES.containsAll(scopes)) {
            throw new IllegalArgumentException("scopes must be some of " + ApiKey.ALL_SCOPES + ", got " + scopes);
        }
    }
}
