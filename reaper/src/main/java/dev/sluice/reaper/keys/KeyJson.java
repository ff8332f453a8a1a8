package dev.sluice.reaper.keys;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.auth.ApiKey;
import dev.sluice.reaper.json.Json;
import java.time.Instant;
import java.util.TreeSet;

/** A key record as printed: never the key or its hash. */
final class KeyJson {
    private KeyJson() {
    }

    static ObjectNode of(ApiKey key, Instant now) {
        ObjectNode node = Json.object();
        node.put("keyId", key.keyId());
        node.put("ownerId", key.ownerId());
        ArrayNode scopes = node.putArray("scopes");
        new TreeSet<>(key.scopes()).forEach(scopes::add);
        node.put("createdAt", key.createdAt().toString());
        node.put("notBefore", key.notBefore().toString());
        Json.putInstant(node, "notAfter", key.notAfter());
        Json.putInstant(node, "revokedAt", key.revokedAt());
        node.put("revoked", key.revokedAt().isPresent());
        node.put("validNow", key.validAt(now));
        return node;
    }

}
