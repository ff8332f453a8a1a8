package dev.sluice.core.auth;

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

    public boolean allows(String scope) {
        return scopes.contains(scope) || scopes.contains(ADMIN);
    }

    @Override
    public String toString() {
        return "ApiKey[keyId=" + keyId + ", ownerId=" + ownerId + ", scopes=" + scopes + ", notBefore=" + notBefore
                + ", notAfter=" + notAfter + ", revokedAt=" + revokedAt + "]";
    }
}
