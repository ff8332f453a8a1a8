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
 */
@ApplicationScoped
public class ApiKeyCache {
    static final int MAX_ENTRIES = 10_000;

    private record Entry(Optional<ApiKey> key, long expiresAtNanos) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final ApiKeys keys;
    private final long ttlNanos;
    private final LongSupplier nanoTime = System::nanoTime;

    public ApiKeyCache(ApiKeys keys, SluiceConfig config) {
        this.keys = keys;
        Duration ttl = config.api().keyCacheTtl();
        this.ttlNanos = ttl.toNanos();
    }

    public Optional<ApiKey> find(String keyId) {
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
