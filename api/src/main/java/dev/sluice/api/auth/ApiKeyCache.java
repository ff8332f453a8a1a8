package dev.sluice.api.auth;

import dev.sluice.api.config.SluiceConfig;
import dev.sluice.core.auth.ApiKey;
import dev.sluice.core.auth.ApiKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Stored key records by key ID, each kept {@code sluice.api.key-cache-ttl} (30 s): a revocation takes
 * effect on every pod within that time. Unknown key IDs are cached too, so guessed keys do not each
 * cost a DynamoDB read; the map is cleared when it grows past {@link #MAX_ENTRIES}. Only records
 * (hashes) are cached, never a presented key.
 *
 * <p>With {@code sluice.api.keys.secret-id} set, the secret is searched first and a key ID found
 * there is never looked up in the table. The secret wins because it is the better guarded source:
 * only operators write it, while the API's and reaper's roles can write the table. A record in the
 * table can therefore neither widen nor revive a key the secret defines. The price: revoke such a key
 * in the secret ({@code reaper keys revoke --secret}); never copy a record from one source to the other.
 */
@ApplicationScoped
public class ApiKeyCache {
    static final int MAX_ENTRIES = 10_000;

    private record Entry(Optional<ApiKey> key, long expiresAtNanos) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final SecretKeySource secretKeys;
    private final ApiKeys keys;
    private final long ttlNanos;
    private final LongSupplier nanoTime = System::nanoTime;

    public ApiKeyCache(SecretKeySource secretKeys, ApiKeys keys, SluiceConfig config) {
        this.secretKeys = secretKeys;
        this.keys = keys;
        Duration ttl = config.api().keyCacheTtl();
        this.ttlNanos = ttl.toNanos();
    }

    public Optional<ApiKey> find(String keyId) {
        Optional<ApiKey> inSecret = secretKeys.find(keyId);
        return inSecret.isPresent() ? inSecret : inTable(keyId);
    }

    private Optional<ApiKey> inTable(String keyId) {
        long now = nanoTime.getAsLong();
        Entry entry = entries.get(keyId);
        if (entry != null && now - entry.expiresAtNanos() < 0) {
            return entry.key();
        }
        Optional<ApiKey> key = keys.find(keyId);
        if (ttlNanos > 0) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(keyId, new Entry(key, now + ttlNanos));
        }
        return key;
    }
}
