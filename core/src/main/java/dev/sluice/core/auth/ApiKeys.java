package dev.sluice.core.auth;

import static dev.sluice.core.auth.ApiKeyItems.NOT_AFTER;
import static dev.sluice.core.auth.ApiKeyItems.REVOKED_AT;
import static dev.sluice.core.auth.ApiKeyItems.n;
import static dev.sluice.core.auth.ApiKeyItems.s;

import dev.sluice.core.store.JobTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * API keys in the job table (docs/architecture.md): {@code pk = APIKEY#{keyId}}, {@code sk = APIKEY},
 * and on gsi1 {@code gsi1pk = APIKEYS#{ownerId}}, {@code gsi1sk = {createdAt}#{keyId}} so an owner's
 * keys are one index Query. Only the SHA-256 of a key is stored; the plaintext is returned once by
 * {@link #create} and {@link #rotate}.
 */
public final class ApiKeys {
    /** Rounds of read-and-write a rotation may need when someone else changes the key meanwhile. */
    private static final int ROTATE_ATTEMPTS = 5;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public ApiKeys(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    public static Map<String, AttributeValue> key(String keyId) {
        return ApiKeyItems.key(keyId);
    }

    public static String ownerIndexPk(String ownerId) {
        return "APIKEYS#" + ownerId;
    }

    /** A new key valid from {@code notBefore} (or now) until {@code notAfter} (or forever). */
    public CreatedKey create(String ownerId, Set<String> scopes, Optional<Instant> notBefore, Optional<Instant> notAfter) {
        Instant now = clock.instant();
        while (true) {
            CreatedKey created = KeyIssuer.issue(ownerId, scopes, now, notBefore, notAfter);
            try {
                dynamo.putItem(b -> b.tableName(table).item(ApiKeyItems.item(created.record()))
                        .conditionExpression("attribute_not_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", JobTable.PK)));
                return created;
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
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ApiKeyItems.fromItem(item));
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
            page.items().forEach(item -> keys.add(ApiKeyItems.fromItem(item)));
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
                    .expressionAttributeValues(Map.of(":now", n(clock.instant())))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.of(ApiKeyItems.fromItem(item));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    /**
     * Issues a replacement (same owner and scopes; see {@link Rotation#plan}) and makes the old key end
     * {@code overlap} from now, never later than it already did. One transaction, conditional on the old
     * record being exactly as read: a revocation or another rotation in between is never overwritten.
     */
    public Rotation rotate(String keyId, Duration overlap, Optional<Duration> validity) {
        for (int attempt = 0; attempt < ROTATE_ATTEMPTS; attempt++) {
            Optional<ApiKey> current = find(keyId);
            if (current.isEmpty()) {
                return new Rotation.NotFound(keyId);
            }
            if (current.get().revokedAt().isPresent()) {
                return new Rotation.Revoked(current.get());
            }
            Rotation.Rotated plan = Rotation.plan(current.get(), overlap, validity, clock.instant());
            try {
                dynamo.transactWriteItems(b -> b.transactItems(
                        TransactWriteItem.builder().put(p -> p.tableName(table).item(ApiKeyItems.item(plan.replacement().record()))
                                .conditionExpression("attribute_not_exists(#pk)")
                                .expressionAttributeNames(Map.of("#pk", JobTable.PK))).build(),
                        endingUpdate(current.get(), plan.previous())));
                return plan;
            } catch (TransactionCanceledException e) {
                // The old record changed since it was read (or the new ID collided): read it again.
            }
        }
        throw new IllegalStateException("key " + keyId + " kept changing during rotation; try again");
    }

    private TransactWriteItem endingUpdate(ApiKey read, ApiKey ended) {
        Map<String, String> names = new HashMap<>(Map.of("#pk", JobTable.PK, "#notAfter", NOT_AFTER, "#revokedAt", REVOKED_AT));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":end", n(ended.notAfter().orElseThrow())));
        String unchanged;
        if (read.notAfter().isPresent()) {
            unchanged = "#notAfter = :read";
            values.put(":read", n(read.notAfter().get()));
        } else {
            unchanged = "attribute_not_exists(#notAfter)";
        }
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(key(read.keyId()))
                .updateExpression("SET #notAfter = :end")
                .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#revokedAt) AND " + unchanged)
                .expressionAttributeNames(names).expressionAttributeValues(values)).build();
    }
}
