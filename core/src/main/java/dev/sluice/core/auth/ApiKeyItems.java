package dev.sluice.core.auth;

import dev.sluice.core.store.JobTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An {@link ApiKey} as a job-table item and back (the layout is in docs/architecture.md). */
final class ApiKeyItems {
    static final String KEY_ID = "keyId";
    static final String OWNER_ID = "ownerId";
    static final String SCOPES = "scopes";
    static final String KEY_HASH = "keyHash";
    static final String CREATED_AT = "createdAt";
    static final String NOT_BEFORE = "notBefore";
    static final String NOT_AFTER = "notAfter";
    static final String REVOKED_AT = "revokedAt";

    private ApiKeyItems() {
    }

    static Map<String, AttributeValue> key(String keyId) {
        return Map.of(JobTable.PK, s("APIKEY#" + keyId), JobTable.SK, s("APIKEY"));
    }

    static Map<String, AttributeValue> item(ApiKey key) {
        Map<String, AttributeValue> item = new HashMap<>(key(key.keyId()));
        item.put(JobTable.GSI1_PK, s(ApiKeys.ownerIndexPk(key.ownerId())));
        item.put(JobTable.GSI1_SK, s(String.format("%013d#%s", key.createdAt().toEpochMilli(), key.keyId())));
        item.put(KEY_ID, s(key.keyId()));
        item.put(OWNER_ID, s(key.ownerId()));
        item.put(SCOPES, AttributeValue.fromSs(new ArrayList<>(key.scopes())));
        item.put(KEY_HASH, s(key.keyHash()));
        item.put(CREATED_AT, n(key.createdAt()));
        item.put(NOT_BEFORE, n(key.notBefore()));
        key.notAfter().ifPresent(t -> item.put(NOT_AFTER, n(t)));
        key.revokedAt().ifPresent(t -> item.put(REVOKED_AT, n(t)));
        return item;
    }

    static ApiKey fromItem(Map<String, AttributeValue> item) {
        return new ApiKey(item.get(KEY_ID).s(), item.get(OWNER_ID).s(), new LinkedHashSet<>(item.get(SCOPES).ss()),
                item.get(KEY_HASH).s(), instant(item, CREATED_AT).orElseThrow(), instant(item, NOT_BEFORE).orElseThrow(),
                instant(item, NOT_AFTER), instant(item, REVOKED_AT));
    }

    static AttributeValue n(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.toEpochMilli()));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static Optional<Instant> instant(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(value.n())));
    }
}
