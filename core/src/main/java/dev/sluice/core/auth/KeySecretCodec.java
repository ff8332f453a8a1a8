package dev.sluice.core.auth;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.keys.ObjectKeys;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * {@link KeySecret}'s JSON. Strict on purpose: unknown or repeated fields are refused, because a
 * misspelt {@code "notAfter"} would otherwise silently make a key valid forever.
 */
final class KeySecretCodec {
    private static final Set<String> FIELDS = Set.of("keyId", "ownerId", "scopes", "keyHash", "createdAt", "notBefore",
            "notAfter", "revokedAt");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private KeySecretCodec() {
    }

    static KeySecret parse(String text) {
        if (text == null || text.isBlank()) {
            throw new MalformedKeySecretException("the secret is empty (expected {\"keys\":[...]})");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            // Only the position: Jackson's own message quotes the offending text.
            String at = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new MalformedKeySecretException("the secret is not valid JSON" + at);
        }
        if (root == null || !root.isObject() || root.size() != 1 || !root.path("keys").isArray()) {
            throw new MalformedKeySecretException("the secret must be an object with only a \"keys\" array");
        }
        List<ApiKey> keys = new ArrayList<>();
        for (int i = 0; i < root.get("keys").size(); i++) {
            keys.add(entry(root.get("keys").get(i), "keys[" + i + "]"));
        }
        return new KeySecret(keys);
    }

    static String render(KeySecret secret) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode keys = root.putArray("keys");
        for (ApiKey key : secret.keys()) {
            ObjectNode node = keys.addObject();
            node.put("keyId", key.keyId());
            node.put("ownerId", key.ownerId());
            ArrayNode scopes = node.putArray("scopes");
            new TreeSet<>(key.scopes()).forEach(scopes::add);
            node.put("keyHash", key.keyHash());
            node.put("createdAt", key.createdAt().toString());
            node.put("notBefore", key.notBefore().toString());
            key.notAfter().ifPresent(t -> node.put("notAfter", t.toString()));
            key.revokedAt().ifPresent(t -> node.put("revokedAt", t.toString()));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a key secret", e);
        }
    }

    private static ApiKey entry(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new MalformedKeySecretException(where + " is not an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new MalformedKeySecretException(where + " has an unknown field (allowed: " + new TreeSet<>(FIELDS) + ")");
            }
        }
        String keyId = text(node, "keyId", where);
        if (!KeyFormat.isKeyId(keyId)) {
            throw new MalformedKeySecretException(where + ".keyId must be " + KeyFormat.KEY_ID_LENGTH + " characters a-z, 2-7");
        }
        String ownerId = text(node, "ownerId", where);
        try {
            ObjectKeys.uploadPrefix(ownerId);
        } catch (IllegalArgumentException e) {
            throw new MalformedKeySecretException(where + ".ownerId is not a valid owner ID");
        }
        String keyHash = text(node, "keyHash", where);
        if (!SHA256_HEX.matcher(keyHash).matches()) {
            throw new MalformedKeySecretException(where + ".keyHash must be 64 lower-case hex digits (a SHA-256)");
        }
        Instant notBefore = instant(node, "notBefore", where).orElseThrow(() -> missing(where, "notBefore"));
        Optional<Instant> notAfter = instant(node, "notAfter", where);
        if (notAfter.isPresent() && !notAfter.get().isAfter(notBefore)) {
            throw new MalformedKeySecretException(where + ".notAfter must be after notBefore");
        }
        Instant createdAt = instant(node, "createdAt", where).orElse(notBefore);
        return new ApiKey(keyId, ownerId, scopes(node, where), keyHash, createdAt, notBefore, notAfter,
                instant(node, "revokedAt", where));
    }

    private static Set<String> scopes(JsonNode node, String where) {
        JsonNode scopes = node.get("scopes");
        if (scopes == null || !scopes.isArray() || scopes.isEmpty()) {
            throw new MalformedKeySecretException(where + ".scopes must be a non-empty array of " + ApiKey.ALL_SCOPES);
        }
        Set<String> values = new LinkedHashSet<>();
        scopes.forEach(scope -> values.add(scope.isTextual() ? scope.asText() : ""));
        if (!ApiKey.ALL_SCOPES.containsAll(values)) {
            throw new MalformedKeySecretException(where + ".scopes must be some of " + ApiKey.ALL_SCOPES);
        }
        return values;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw missing(where, field);
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new MalformedKeySecretException(where + "." + field + " must be a non-empty string");
        }
        return value.asText();
    }

    private static Optional<Instant> instant(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.isTextual() ? value.asText() : ""));
        } catch (DateTimeParseException e) {
            throw new MalformedKeySecretException(where + "." + field + " must be an ISO instant such as 2026-01-31T00:00:00Z");
        }
    }

    private static MalformedKeySecretException missing(String where, String field) {
        return new MalformedKeySecretException(where + " lacks " + field);
    }
}
