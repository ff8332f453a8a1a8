package dev.sluice.api.auth;

import dev.sluice.core.auth.ApiKey;
import dev.sluice.core.auth.KeySecret;
import dev.sluice.core.auth.MalformedKeySecretException;
import dev.sluice.core.auth.SecretKeyStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * The API keys of {@code sluice.api.keys.secret-id}, read whole at most once per TTL per pod (one
 * GetSecretValue, not one per request). A secret that cannot be read or is malformed never takes
 * authentication down: the error is logged (without the content), the last good copy keeps
 * answering, and keys in the job table are unaffected.
 */
public class SecretKeySource {
    private static final Logger LOG = Logger.getLogger(SecretKeySource.class);

    private final SecretKeyStore store;
    private final Runnable close;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile KeySecret lastGood = KeySecret.EMPTY;
    private volatile boolean loaded;
    private volatile long nextReadNanos;

    SecretKeySource(SecretKeyStore store, Runnable close, Duration ttl, LongSupplier nanoTime) {
        this.store = store;
        this.close = close;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    /** No secret configured: finds nothing and reads nothing. */
    static SecretKeySource none() {
        return new SecretKeySource(null, () -> { }, Duration.ZERO, System::nanoTime);
    }

    /** Releases the client, if there is one. */
    void close() {
        close.run();
    }


    public Optional<ApiKey> find(String keyId) {
        if (store == null) {
            return Optional.empty();
        }
        refreshIfDue();
        return lastGood.find(keyId);
    }

    private void refreshIfDue() {
        if (loaded && nanoTime.getAsLong() - nextReadNanos < 0) {
            return;
        }
        // One reader at a time; while it reads, the other requests answer from the copy there is. Only
        // before the first read do they wait for it.
        if (loaded) {
            if (!refreshing.tryLock()) {
                return;
            }
        } else {
            refreshing.lock();
        }
        try {
            long now = nanoTime.getAsLong();
            if (loaded && now - nextReadNanos < 0) {
                return; // another thread has just read it
            }
            read();
            nextReadNanos = now + ttlNanos;
            loaded = true;
        } finally {
            refreshing.unlock();
        }
    }

    private void read() {
        try {
            lastGood = store.read();
        } catch (MalformedKeySecretException e) {
            LOG.errorf("API key secret %s is malformed, keeping the last good copy (%d keys): %s",
                    store.secretId(), lastGood.keys().size(), e.getMessage());
        } catch (RuntimeException e) {
            // SDK failures (missing secret, access denied, timeout) and anything else: authentication
            // must go on with what there is.
            LOG.errorf("API key secret %s cannot be read, keeping the last good copy (%d keys): %s",
                    store.secretId(), lastGood.keys().size(), e.toString());
        }
    }
}
