package dev.sluice.core.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The API keys kept in a Secrets Manager secret (docs/runbook.md#api-keys): the SecretString is
 * {@code {"keys":[{...}]}} with the same fields as the job table's records and ISO instants. Like the
 * table it holds only hashes, never a key.
 */
public record KeySecret(List<ApiKey> keys) {
    public static final KeySecret EMPTY = new KeySecret(List.of());

    public KeySecret {
        keys = List.copyOf(keys);
        if (keys.stream().map(ApiKey::keyId).distinct().count() != keys.size()) {
            throw new MalformedKeySecretException("a key ID appears more than once");
        }
    }

    /** Parses and checks a SecretString; throws {@link MalformedKeySecretException} with a loggable message. */
    public static KeySecret parse(String json) {
        return KeySecretCodec.parse(json);
    }

    /** The SecretString for this content, readable for an operator who opens it in the console. */
    public String toJson() {
        return KeySecretCodec.render(this);
    }

    public Optional<ApiKey> find(String keyId) {
        return keys.stream().filter(key -> key.keyId().equals(keyId)).findFirst();
    }

    /** This content plus {@code key}, or with {@code key} in place of the record with the same ID. */
    public KeySecret with(ApiKey key) {
        List<ApiKey> updated = new ArrayList<>(keys);
        int index = updated.stream().map(ApiKey::keyId).toList().indexOf(key.keyId());
        if (index < 0) {
            updated.add(key);
        } else {
            updated.set(index, key);
        }
        return new KeySecret(updated);
    }

    @Override
    public String toString() {
        return "KeySecret[" + keys.size() + " keys]";
    }
}
