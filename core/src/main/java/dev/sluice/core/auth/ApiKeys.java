package dev.sluice.core.auth;

import dev.sluice.core.keys.ObjectKeys;
import dev.sluice.core.store.JobTable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * API keys in the job table (docs/architecture.md): {@code pk = APIKEY#{keyId}}, {@code sk = APIKEY},
 * and on gsi1 {@code gsi1pk = APIKEYS#{ownerId}}, {@code gsi1sk = {createdAt}#{keyId}} so an owner's
 * keys are one index Query. Only the SHA-256 of a key is stored; the plaintext is returned once by
 * {@link #create}.
 */
public final class ApiKeys {
    static final String KEY_ID = "keyId";
    static final String OWNER_ID = "ownerId";
    static final String SCOPES = "scopes";
    static final String KEY_HASH = "keyHash";
    static final String CREATED_AT = "createdAt";
    static final String NOT_BEFORE = "notBefore";
    static final String NOT_AFTER = "notAfter";
    static final String REVOKED_AT = "revokedAt";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public ApiKeys(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    public static Map<String, AttributeValue> key(String keyId) {
        return Map.of(JobTable.PK, s("APIKEY#" + keyId), JobTable.SK, s("APIKEY"));
    }

    public static String ownerIndexPk(String ownerId) {
        return "APIKEYS#" + ownerId;
    }

    /** A new key valid from {@code notBefore} (or now) until {@code notAfter} (or forever). */
    public CreatedKey create(String ownerId, Set<String> scopes, Optional<Instant> notBefore, Optional<Instant> notAfter) {
        ObjectKeys.uploadPrefix(ownerId); // owner IDs must be safe S3 key segments
        if (scopes.isEmpty() || !ApiKey.ALL_SCOPES.containsAll(scopes)) {
            throw new IllegalArgumentException("scopes must be some of " + ApiKey.ALL_SCOPES + ", got " + scopes);
        }
        Instant now = clock.instant();
        Instant from = notBefore.orElse(now);
        if (notAfter.isPresent() && !notAfter.get().isAfter(from)) {
            throw new IllegalArgumentException("notAfter must be after notBefore");
        }
        while (true) {
            String keyId = KeyFormat.newKeyId();
            String plaintext = KeyFormat.newKey(keyId);
            ApiKey record = new ApiKey(keyId, ownerId, scopes, KeyFormat.hash(plaintext), now, from, notAfter, Optional.empty());
            try {
                dynamo.putItem(b -> b.tableName(table).item(item(record))
                        .conditionExpression("attribute_not_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", JobTable.PK)));
                return new CreatedKey(record, plaintext);
            } catch (ConditionalCheckFailedException e) {
                // 60 random bits collided: draw another ID.
            }
        }
    }

    /** The stored record (strongly consistent read), revoked or expired ones included. */
    public Optional<ApiKey> find(String keyId) {
        if (!KeyFormat.isKeyId(keyId)) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(keyId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /**
     * The key a request presents, if it is well-formed, known, matches its stored hash (constant-time)
     * and valid now. Empty in every other case, without saying which.
     */
    public Optional<ApiKey> authenticate(String presented) {
        return KeyFormat.parse(presented)
                .flatMap(parsed -> find(parsed.keyId()).filter(stored -> verify(stored, parsed.key(), clock.instant())));
    }

    /** Whether {@code presented} is {@code stored}'s key and the key is valid at {@code now}. */
    public static boolean verify(ApiKey stored, String presented, Instant now) {
        // Hash comparison first and always, so timing does not tell a revoked key from a wrong one.
        boolean matches = KeyFormat.matches(presented, stored.keyHash());
        return matches & stored.validAt(now);
    }

    /** An owner's keys, newest first (gsi1, eventually consistent). */
    public List<ApiKey> listByOwner(String ownerId) {
        List<ApiKey> keys = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(b -> b.tableName(table).indexName(JobTable.GSI1)
                    .keyConditionExpression("#gpk = :owner")
                    .expressionAttributeNames(Map.of("#gpk", JobTable.GSI1_PK))
                    .expressionAttributeValues(Map.of(":owner", s(ownerIndexPk(ownerId))))
                    .scanIndexForward(false)
                    .exclusiveStartKey(from));
            page.items().forEach(item -> keys.add(fromItem(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        keys.sort(Comparator.comparing(ApiKey::createdAt).reversed());
        return keys;
    }

    /** Revokes a key (the first revocation time is kept); empty when there is no such key. */
    public Optional<ApiKey> revoke(String keyId) {
        if (!KeyFormat.isKeyId(keyId)) {
            return Optional.empty();
        }
        try {
            Map<String, AttributeValue> item = dynamo.updateItem(b -> b.tableName(table).key(key(keyId))
                    .updateExpression("SET #revokedAt = if_not_exists(#revokedAt, :now)")
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#revokedAt", REVOKED_AT, "#pk", JobTable.PK))
                    .expressionAttributeValues(Map.of(":now", n(clock.instant().toEpochMilli())))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.of(fromItem(item));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    static Map<String, AttributeValue> item(ApiKey key) {
        Map<String, AttributeValue> item = new HashMap<>(key(key.keyId()));
        item.put(JobTable.GSI1_PK, s(ownerIndexPk(key.ownerId())));
        item.put(JobTable.GSI1_SK, s(String.format("%013d#%s", key.createdAt().toEpochMilli(), key.keyId())));
        item.put(KEY_ID, s(key.keyId()));
        item.put(OWNER_ID, s(key.ownerId()));
        item.put(SCOPES, AttributeValue.fromSs(new ArrayList<>(key.scopes())));
        item.put(KEY_HASH, s(key.keyHash()));
        item.put(CREATED_AT, n(key.createdAt().toEpochMilli()));
        item.put(NOT_BEFORE, n(key.notBefore().toEpochMilli()));
        key.notAfter().ifPresent(t -> item.put(NOT_AFTER, n(t.toEpochMilli())));
        key.revokedAt().ifPresent(t -> item.put(REVOKED_AT, n(t.toEpochMilli())));
        return item;
    }

    static ApiKey fromItem(Map<String, AttributeValue> item) {
        return new ApiKey(item.get(KEY_ID).s(), item.get(OWNER_ID).s(), new LinkedHashSet<>(item.get(SCOPES).ss()),
                item.get(KEY_HASH).s(), instant(item, CREATED_AT).orElseThrow(), instant(item, NOT_BEFORE).orElseThrow(),
                instant(item, NOT_AFTER), instant(item, REVOKED_AT));
    }

    private static Optional<Instant> instant(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(value.n())));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
