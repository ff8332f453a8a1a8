package dev.sluice.api;

import dev.sluice.core.auth.ApiKey;
import dev.sluice.core.auth.ApiKeys;
import dev.sluice.core.auth.CreatedKey;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * API keys for tests, created through core's {@link ApiKeys} in the stack's table. {@link #given()}
 * replaces RestAssured's: the same request, authenticated as {@link LocalState#OWNER} with every job scope.
 */
public final class TestKeys {
    private static String defaultKey;

    private TestKeys() {
    }

    public static ApiKeys keys() {
        return new ApiKeys(LocalState.dynamo(), LocalState.resources().table(), Clock.systemUTC());
    }

    /** The default test key: owner {@code local}, jobs:read and jobs:write. */
    public static synchronized String defaultKey() {
        if (defaultKey == null) {
            defaultKey = create(LocalState.OWNER, ApiKey.JOBS_READ, ApiKey.JOBS_WRITE);
        }
        return defaultKey;
    }

    public static String create(String ownerId, String... scopes) {
        return keys().create(ownerId, Set.of(scopes), Optional.empty(), Optional.empty()).key();
    }

    public static CreatedKey create(String ownerId, Optional<Instant> notBefore, Optional<Instant> notAfter, String... scopes) {
        return keys().create(ownerId, Set.of(scopes), notBefore, notAfter);
    }

    /** A request with the default key. */
    public static RequestSpecification given() {
        return as(defaultKey());
    }

    /** A request with {@code key} as a Bearer token. */
    public static RequestSpecification as(String key) {
        return RestAssured.given().header("Authorization", "Bearer " + key);
    }

    /** A request with no key at all. */
    public static RequestSpecification anonymous() {
        return RestAssured.given();
    }
}
