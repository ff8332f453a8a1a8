package dev.sluice.core.auth;

/** A new key: the stored record and the plaintext, which exists only here and is never stored. */
public record CreatedKey(ApiKey record, String key) {
    @Override
    public String toString() {
        return "CreatedKey[" + record + "]";
    }
}
