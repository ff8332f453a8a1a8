package dev.sluice.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;

/**
 * API keys kept in a Secrets Manager secret as a {@link KeySecret}. Every change is a compare-and-swap
 * on the AWSCURRENT label: the new content is put as a staged version (its ClientRequestToken makes a
 * retried call idempotent), then AWSCURRENT is moved to it only from the version that was read; if
 * someone else wrote meanwhile the move fails and the change is redone on their content, so a
 * concurrent edit is never silently lost.
 */
public final class SecretKeyStore {
    /** Label of a written version until AWSCURRENT moves to it. */
    static final String STAGED = "sluice-staged";
    static final String CURRENT = "AWSCURRENT";
    private static final int WRITE_ATTEMPTS = 5;

    /** A change to the content: the new content (none: nothing to write) and what to return. */
    record Edit<T>(Optional<KeySecret> updated, T result) {
    }

    private final SecretsManagerClient client;
    private final String secretId;
    private final Clock clock;

    public SecretKeyStore(SecretsManagerClient client, String secretId, Clock clock) {
        this.client = client;
        this.secretId = secretId;
        this.clock = clock;
    }

    public String secretId() {
        return secretId;
    }

    /**
     * The current content. Asks for AWSCURRENT by name rather than the default version: the same on
     * AWS, and moto does not move its default when a label is moved.
     */
    public KeySecret read() {
        return KeySecret.parse(current().secretString());
    }

    /** A new key in the secret, valid from {@code notBefore} (or now) until {@code notAfter} (or forever). */
    public CreatedKey create(String ownerId, Set<String> scopes, Optional<Instant> notBefore, Optional<Instant> notAfter) {
        return edit(secret -> {
            CreatedKey created = KeyIssuer.issue(ownerId, scopes, clock.instant(), notBefore, notAfter);
            while (secret.find(created.record().keyId()).isPresent()) {
                created = KeyIssuer.issue(ownerId, scopes, clock.instant(), notBefore, notAfter);
            }
            return new Edit<>(Optional.of(secret.with(created.record())), created);
        });
    }

    /** Like {@link ApiKeys#rotate}: a replacement in the same secret, the old key ending after {@code overlap}. */
    public Rotation rotate(String keyId, Duration overlap, Optional<Duration> validity) {
        return edit(secret -> {
            Optional<ApiKey> current = secret.find(keyId);
            if (current.isEmpty()) {
                return new Edit<Rotation>(Optional.empty(), new Rotation.NotFound(keyId));
            }
            if (current.get().revokedAt().isPresent()) {
                return new Edit<Rotation>(Optional.empty(), new Rotation.Revoked(current.get()));
            }
            Rotation.Rotated plan = Rotation.plan(current.get(), overlap, validity, clock.instant());
            while (secret.find(plan.replacement().record().keyId()).isPresent()) {
                plan = Rotation.plan(current.get(), overlap, validity, clock.instant());
            }
            return new Edit<Rotation>(Optional.of(secret.with(plan.previous()).with(plan.replacement().record())), plan);
        });
    }

    /** Revokes a key in the secret (the first revocation time is kept); empty when there is no such key. */
    public Optional<ApiKey> revoke(String keyId) {
        return edit(secret -> {
            Optional<ApiKey> revoked = secret.find(keyId).map(key -> key.revoked(clock.instant()));
            return new Edit<>(revoked.map(secret::with), revoked);
        });
    }

    /** Reads, applies {@code change}, and swaps the result in; redone from a fresh read when the secret moved on. */
    <T> T edit(Function<KeySecret, Edit<T>> change) {
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            GetSecretValueResponse read = current();
            // A malformed secret is refused here too: an edit must not build on content the API ignores.
            Edit<T> edit = change.apply(KeySecret.parse(read.secretString()));
            if (edit.updated().isEmpty()) {
                return edit.result();
            }
            String token = UUID.randomUUID().toString();
            client.putSecretValue(b -> b.secretId(secretId).secretString(edit.updated().get().toJson())
                    .clientRequestToken(token).versionStages(STAGED));
            try {
                client.updateSecretVersionStage(b -> b.secretId(secretId).versionStage(CURRENT)
                        .moveToVersionId(token).removeFromVersionId(read.versionId()));
                return edit.result();
            } catch (InvalidParameterException e) {
                // AWSCURRENT is no longer on the version read: another edit won. Redo this one on top of it.
            }
        }
        throw new IllegalStateException("secret " + secretId + " kept changing during the edit; try again");
    }

    private GetSecretValueResponse current() {
        return client.getSecretValue(b -> b.secretId(secretId).versionStage(CURRENT));
    }
}
