package dev.sluice.core.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A stored API key: never the key itself, only its SHA-256 ({@code keyHash}). Valid from
 * {@code notBefore} until {@code notAfter} (exclusive; none = no end) unless revoked.
 */
public record ApiKey(String keyId, String ownerId, Set<String> scopes, String keyHash, Instant createdAt,
                     Instant notBefore, Optional<Instant> notAfter, Optional<Instant> revokedAt) {
    public static final String JOBS_READ = "jobs:read";
    public static final String JOBS_WRITE = "jobs:write";
    /** Implies every other scope. */
    public static final String ADMIN = "admin";
    public static final Set<String> ALL_SCOPES = Set.of(JOBS_READ, JOBS_WRITE, ADMIN);

    public ApiKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(keyHash, "keyHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(notBefore, "notBefore");
        scopes = Set.copyOf(scopes);
        notAfter = notAfter == null ? Optional.empty() : notAfter;
        revokedAt = revokedAt == null ? Optional.empty() : revokedAt;
    }

    /** Not revoked and inside its validity window at {@code now}. */
    public boolean validAt(Instant now) {
        return revokedAt.isEmpty() && !now.isBefore(notBefore) && notAfter.map(now::isBefore).orElse(true);
    }

    /** notAfter − notBefore; empty for a key without an end. */
    public Optional<Duration> lifetime() {
        return notAfter.map(end -> Duration.between(notBefore, end));
    }

    /** This key ending at {@code end} at the latest: an earlier end is kept, never extended. */
    public ApiKey endingBy(Instant end) {
        Instant ending = notAfter.filter(current -> current.isBefore(end)).orElse(end);
        return new ApiKey(keyId, ownerId, scopes, keyHash, createdAt, notBefore, Optional.of(ending), revokedAt);
    }

    /** This key revoked at {@code at}, or as it is when already revoked (the first revocation is kept). */
    public ApiKey revoked(Instant at) {
        return revokedAt.isPresent() ? this
                : new ApiKey(keyId, ownerId, scopes, keyHash, createdAt, notBefore, notAfter, Optional.of(at));
    }

    public boolean allows(String scope) {
        return scopes.contains(scope) || scopes.contains(ADMIN);
    }

    @Override
    public String toString() {
        return "ApiKey[keyId=" + keyId + ", ownerId=" + ownerId + ", scopes=" + scopes + ", notBefore=" + notBefore
                + ", notAfter=" + notAfter + ", revokedAt=" + revokedAt + "]";
    }
}
