package dev.sluice.core.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What {@code rotate} did: a replacement was issued, or the key cannot be rotated. */
public sealed interface Rotation {

    /** The new key (plaintext shown once) and the old record, now ending after the overlap. */
    record Rotated(CreatedKey replacement, ApiKey previous) implements Rotation {
    }

    /** No key with that ID in this store. */
    record NotFound(String keyId) implements Rotation {
    }

    /** A revoked key stays revoked: rotating it would hand its owner a fresh key nobody asked for. */
    record Revoked(ApiKey key) implements Rotation {
    }

    /**
     * The replacement of {@code old}: same owner and scopes, valid from {@code now} for {@code validity}
     * (by default as long as the old key was, or without end if it had none); the old key ends at
     * {@code now + overlap} unless it already ends earlier.
     */
    static Rotated plan(ApiKey old, Duration overlap, Optional<Duration> validity, Instant at) {
        Instant now = KeyIssuer.stored(at);
        if (overlap.isNegative()) {
            throw new IllegalArgumentException("overlap must not be negative");
        }
        Optional<Duration> lifetime = validity.or(old::lifetime);
        if (lifetime.isPresent() && (lifetime.get().isNegative() || lifetime.get().isZero())) {
            throw new IllegalArgumentException("validity must be positive");
        }
        CreatedKey replacement = KeyIssuer.issue(old.ownerId(), old.scopes(), now, Optional.of(now),
                lifetime.map(now::plus));
        return new Rotated(replacement, old.endingBy(now.plus(overlap)));
    }
}
