package dev.sluice.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The secret's JSON: what is accepted, and that every refusal says where without quoting the content. */
class KeySecretTest {
    private static final String HASH = KeyFormat.hash(KeyFormat.newKey("abcdefghijkl"));

    private static String entry(String fields) {
        return "{\"keys\":[{" + fields + "}]}";
    }

    private static String good(String extra) {
        return entry("\"keyId\":\"abcdefghijkl\",\"ownerId\":\"acme\",\"scopes\":[\"jobs:read\"],\"keyHash\":\"" + HASH
                + "\",\"notBefore\":\"2026-01-01T00:00:00Z\"" + extra);
    }

    @Test
    void aWellFormedSecretGivesTheSameRecordsAsTheTable() {
        KeySecret secret = KeySecret.parse(good(",\"notAfter\":\"2026-04-01T00:00:00Z\",\"revokedAt\":\"2026-02-01T00:00:00Z\""));

        ApiKey key = secret.find("abcdefghijkl").orElseThrow();
        assertThat(key.ownerId()).isEqualTo("acme");
        assertThat(key.scopes()).containsExactly(ApiKey.JOBS_READ);
        assertThat(key.keyHash()).isEqualTo(HASH);
        assertThat(key.notBefore()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(key.createdAt()).as("createdAt defaults to notBefore").isEqualTo(key.notBefore());
        assertThat(key.notAfter()).contains(Instant.parse("2026-04-01T00:00:00Z"));
        assertThat(key.revokedAt()).contains(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(secret.find("bbbbbbbbbbbb")).isEmpty();
        assertThat(KeySecret.parse("{\"keys\":[]}").keys()).isEmpty();
    }

    @Test
    void renderingAndParsingGiveBackTheSameContent() {
        CreatedKey created = KeyIssuer.issue("acme", Set.of(ApiKey.JOBS_READ, ApiKey.JOBS_WRITE), Instant.parse("2026-01-01T00:00:00Z"),
                Optional.empty(), Optional.of(Instant.parse("2026-03-01T00:00:00Z")));
        KeySecret secret = KeySecret.EMPTY.with(created.record());

        String json = secret.toJson();

        assertThat(KeySecret.parse(json)).isEqualTo(secret);
        assertThat(json).contains(created.record().keyHash()).doesNotContain(created.key());
    }

    @Test
    void malformedContentIsRefusedWithAMessageThatNeverQuotesIt() {
        assertMalformed("{\"keys\":[{\"keyId\": SECRETSTUFF", "not valid JSON");
        assertMalformed("", "empty");
        assertMalformed("[]", "only a \"keys\" array");
        assertMalformed("{\"keys\":[],\"SECRETSTUFF\":1}", "only a \"keys\" array");
        assertMalformed("{\"keys\":[\"SECRETSTUFF\"]}", "keys[0] is not an object");
        assertMalformed("{\"keys\":[{\"keyId\":\"abcdefghijkl\",\"keyId\":\"SECRETSTUFF\"}]}", "not valid JSON");
    }

    @Test
    void missingFieldsAreNamed() {
        assertMalformed(entry("\"ownerId\":\"acme\",\"scopes\":[\"jobs:read\"],\"keyHash\":\"" + HASH
                + "\",\"notBefore\":\"2026-01-01T00:00:00Z\""), "keys[0] lacks keyId");
        assertMalformed(entry("\"keyId\":\"abcdefghijkl\",\"scopes\":[\"jobs:read\"],\"keyHash\":\"" + HASH
                + "\",\"notBefore\":\"2026-01-01T00:00:00Z\""), "keys[0] lacks ownerId");
        assertMalformed(entry("\"keyId\":\"abcdefghijkl\",\"ownerId\":\"acme\",\"keyHash\":\"" + HASH
                + "\",\"notBefore\":\"2026-01-01T00:00:00Z\""), "keys[0].scopes");
        assertMalformed(entry("\"keyId\":\"abcdefghijkl\",\"ownerId\":\"acme\",\"scopes\":[\"jobs:read\"],"
                + "\"notBefore\":\"2026-01-01T00:00:00Z\""), "keys[0] lacks keyHash");
        assertMalformed(entry("\"keyId\":\"abcdefghijkl\",\"ownerId\":\"acme\",\"scopes\":[\"jobs:read\"],\"keyHash\":\""
                + HASH + "\""), "keys[0] lacks notBefore");
    }

    @Test
    void badValuesAreRefused() {
        assertMalformed(good("").replace(HASH, "SECRETSTUFF"), "keys[0].keyHash must be 64 lower-case hex digits");
        assertMalformed(good("").replace(HASH, HASH.toUpperCase()), "keys[0].keyHash");
        assertMalformed(good("").replace(HASH, "slk_abcdefghijkl_" + "a".repeat(40)), "keys[0].keyHash");
        assertMalformed(good("").replace("abcdefghijkl", "ABC"), "keys[0].keyId");
        assertMalformed(good("").replace("\"acme\"", "\"../x\""), "keys[0].ownerId");
        assertMalformed(good("").replace("jobs:read", "jobs:delete"), "keys[0].scopes");
        assertMalformed(good(",\"notAfter\":\"next week\""), "keys[0].notAfter must be an ISO instant");
        assertMalformed(good(",\"notAfter\":\"2025-01-01T00:00:00Z\""), "keys[0].notAfter must be after notBefore");
        assertMalformed(good(",\"notafter\":\"2027-01-01T00:00:00Z\""), "keys[0] has an unknown field");
        String twice = good("").replace("]}", "," + good("").substring("{\"keys\":[".length()));
        assertMalformed(twice, "more than once");
    }

    private static void assertMalformed(String json, String message) {
        assertThatThrownBy(() -> KeySecret.parse(json))
                .isInstanceOf(MalformedKeySecretException.class)
                .hasMessageContaining(message)
                .hasNoCause()
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRETSTUFF").doesNotContain(HASH.toUpperCase()));
    }
}
