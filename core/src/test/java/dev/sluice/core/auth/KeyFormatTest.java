package dev.sluice.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.logging.Redaction;
import org.junit.jupiter.api.Test;

class KeyFormatTest {

    @Test
    void generatedKeysParseAndAreMaskedInLogs() {
        String keyId = KeyFormat.newKeyId();
        String key = KeyFormat.newKey(keyId);

        assertThat(key).matches("slk_[a-z2-7]{12}_[a-z2-7]{40}");
        assertThat(KeyFormat.parse(key)).map(KeyFormat.ParsedKey::keyId).contains(keyId);
        assertThat(KeyFormat.parse(key).orElseThrow().toString()).doesNotContain(key);
        assertThat(KeyFormat.newKeyId()).isNotEqualTo(keyId);
        assertThat(Redaction.redact("key " + key + " used")).doesNotContain(key.substring(10));
    }

    @Test
    void malformedKeysDoNotParse() {
        assertThat(KeyFormat.parse("")).isEmpty();
        assertThat(KeyFormat.parse("slk_ABCDEFGHIJKL_" + "a".repeat(40))).isEmpty();
        assertThat(KeyFormat.parse("slk_abcdefghijkl_short")).isEmpty();
        assertThat(KeyFormat.parse("sk_abcdefghijkl_" + "a".repeat(40))).isEmpty();
        assertThat(KeyFormat.parse(" slk_abcdefghijkl_" + "a".repeat(40))).isEmpty();
        assertThat(KeyFormat.parse("slk_abcdefghijkl_" + "a".repeat(40))).isPresent();
    }

    @Test
    void hashesCompareInConstantTime() {
        String key = KeyFormat.newKey(KeyFormat.newKeyId());
        assertThat(KeyFormat.matches(key, KeyFormat.hash(key))).isTrue();
        assertThat(KeyFormat.matches(key + "a", KeyFormat.hash(key))).isFalse();
        assertThat(KeyFormat.matches(key, KeyFormat.hash(key).substring(2))).isFalse();
    }
}
