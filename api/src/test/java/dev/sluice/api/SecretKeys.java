package dev.sluice.api;

import dev.sluice.core.auth.ApiKey;
import dev.sluice.core.auth.CreatedKey;
import dev.sluice.core.auth.KeyFormat;
import dev.sluice.core.auth.KeySecret;
import dev.sluice.devstack.DevStack;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;

/**
 * A key secret on the local Secrets Manager, written the way an operator's plain PutSecretValue does
 * (AWSCURRENT moves to every new version). Tests build its records themselves: a key and its hash.
 */
public final class SecretKeys {
    private SecretKeys() {
    }

    public static SecretsManagerClient client() {
        return DevStack.shared().clients().secretsManager();
    }

    /** A new secret holding {@code content}; returns its name. */
    public static String newSecret(String content) {
        String name = "sluice/api-keys-" + UUID.randomUUID();
        client().createSecret(b -> b.name(name).secretString(content));
        return name;
    }

    /**
     * The secret {@code name}, created holding no keys unless it exists. A test profile and its test
     * class may be loaded by different class loaders, so they agree on a name, not on a static field.
     */
    public static String ensureSecret(String name) {
        try {
            client().createSecret(b -> b.name(name).secretString(KeySecret.EMPTY.toJson()));
        } catch (ResourceExistsException e) {
            // made by the profile's class loader already
        }
        return name;
    }

    public static void put(String secretId, String content) {
        client().putSecretValue(b -> b.secretId(secretId).secretString(content));
    }

    public static void put(String secretId, KeySecret content) {
        put(secretId, content.toJson());
    }

    /** A key and its record, stored nowhere yet. */
    public static CreatedKey issue(String ownerId, Instant notBefore, Optional<Instant> notAfter, String... scopes) {
        String keyId = KeyFormat.newKeyId();
        String key = KeyFormat.newKey(keyId);
        return new CreatedKey(new ApiKey(keyId, ownerId, Set.of(scopes), KeyFormat.hash(key), notBefore, notBefore,
                notAfter, Optional.empty()), key);
    }
}
