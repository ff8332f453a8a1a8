package dev.sluice.api;

import static dev.sluice.api.Problems.assertProblem;
import static dev.sluice.api.TestKeys.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.auth.ApiKey;
import dev.sluice.core.auth.CreatedKey;
import dev.sluice.core.auth.KeySecret;
import dev.sluice.devstack.DevStack;
import dev.sluice.devstack.DevStackResource;
import dev.sluice.devstack.logs.JsonLogFile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * API keys from a Secrets Manager secret next to the job table's. The cache TTL is 0 here, so every
 * request sees the secret as the test last wrote it (SecretKeySourceTest covers the caching).
 */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@TestProfile(ApiKeySecretTest.WithKeySecret.class)
class ApiKeySecretTest {
    private static final String SECRET_ID = SecretKeys.ensureSecret("sluice/api-keys-test-" + ProcessHandle.current().pid());
    private static final Instant NOW = Instant.now();

    public static class WithKeySecret implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sluice.api.keys.secret-id", SECRET_ID,
                    "sluice.api.keys.endpoint-override", DevStack.shared().aws().endpoints().secretsManager().toString(),
                    "sluice.api.key-cache-ttl", "0s");
        }
    }

    @BeforeEach
    void emptyQueue() {
        LocalState.purgeQueue();
    }

    private static Response submit(String key) {
        return as(key).contentType(ContentType.JSON)
                .body("{\"type\":\"image-generation\",\"input\":{\"prompt\":\"from the secret\"}}").when().post("/v1/jobs");
    }

    private static CreatedKey issue(String... scopes) {
        return SecretKeys.issue("secret-owner", NOW.minus(Duration.ofDays(1)), Optional.empty(), scopes);
    }

    @Test
    void aKeyOnlyInTheSecretAuthenticatesWithItsScopes() {
        CreatedKey reader = issue(ApiKey.JOBS_READ);
        CreatedKey writer = issue(ApiKey.JOBS_READ, ApiKey.JOBS_WRITE);
        SecretKeys.put(SECRET_ID, new KeySecret(List.of(reader.record(), writer.record())));
        assertThat(TestKeys.keys().find(reader.record().keyId())).as("not in the table").isEmpty();

        assertThat(as(reader.key()).when().get("/v1/jobs").statusCode()).isEqualTo(200);
        assertProblem(submit(reader.key()), 403, "forbidden", "/v1/jobs");
        Response submitted = submit(writer.key());
        assertThat(submitted.statusCode()).as(submitted.asString()).isEqualTo(202);
        String jobId = submitted.jsonPath().getString("jobId");
        assertThat(LocalState.job(jobId).orElseThrow().ownerId()).isEqualTo("secret-owner");
        assertThat(as(reader.key()).when().get("/v1/jobs/" + jobId).statusCode()).as("same owner").isEqualTo(200);
        String last = reader.key().endsWith("a") ? "b" : "a";
        assertProblem(as(reader.key().substring(0, reader.key().length() - 1) + last).when().get("/v1/jobs"),
                401, "unauthenticated", "/v1/jobs");
    }

    @Test
    void expiredNotYetValidAndRevokedSecretKeysAreRefused() {
        CreatedKey expired = SecretKeys.issue("secret-owner", NOW.minus(Duration.ofDays(10)),
                Optional.of(NOW.minus(Duration.ofSeconds(1))), ApiKey.JOBS_READ);
        CreatedKey future = SecretKeys.issue("secret-owner", NOW.plus(Duration.ofDays(1)), Optional.empty(), ApiKey.JOBS_READ);
        CreatedKey revoked = issue(ApiKey.JOBS_READ);
        SecretKeys.put(SECRET_ID, new KeySecret(List.of(expired.record(), future.record(), revoked.record().revoked(NOW))));

        for (CreatedKey refused : List.of(expired, future, revoked)) {
            assertProblem(as(refused.key()).when().get("/v1/jobs"), 401, "unauthenticated", "/v1/jobs");
        }
    }

    @Test
    void aRotatedPairBothWorkDuringTheOverlapAndTheOldOneStopsAfterIt() {
        CreatedKey old = issue(ApiKey.JOBS_READ);
        CreatedKey replacement = issue(ApiKey.JOBS_READ);
        SecretKeys.put(SECRET_ID, new KeySecret(List.of(old.record().endingBy(Instant.now().plus(Duration.ofDays(7))),
                replacement.record())));

        assertThat(as(old.key()).when().get("/v1/jobs").statusCode()).isEqualTo(200);
        assertThat(as(replacement.key()).when().get("/v1/jobs").statusCode()).isEqualTo(200);

        // The overlap is over: the old key's notAfter is in the past.
        SecretKeys.put(SECRET_ID, new KeySecret(List.of(old.record().endingBy(Instant.now().minusSeconds(1)),
                replacement.record())));
        assertProblem(as(old.key()).when().get("/v1/jobs"), 401, "unauthenticated", "/v1/jobs");
        assertThat(as(replacement.key()).when().get("/v1/jobs").statusCode()).isEqualTo(200);
    }

    @Test
    void aKeyIdInBothSourcesFollowsTheSecret() {
        CreatedKey inTable = TestKeys.create("secret-owner", Optional.empty(), Optional.empty(), ApiKey.JOBS_READ);
        assertThat(as(inTable.key()).when().get("/v1/jobs").statusCode()).as("table only").isEqualTo(200);

        SecretKeys.put(SECRET_ID, new KeySecret(List.of(inTable.record().revoked(NOW))));

        assertProblem(as(inTable.key()).when().get("/v1/jobs"), 401, "unauthenticated", "/v1/jobs");
        assertThat(TestKeys.keys().find(inTable.record().keyId()).flatMap(ApiKey::revokedAt)).as("the table still says valid").isEmpty();
    }

    @Test
    void aMalformedSecretKeepsTheLastGoodCopyAndTableKeysWork() throws InterruptedException {
        CreatedKey good = issue(ApiKey.JOBS_READ);
        SecretKeys.put(SECRET_ID, new KeySecret(List.of(good.record())));
        assertThat(as(good.key()).when().get("/v1/jobs").statusCode()).isEqualTo(200);
        String marker = UUID.randomUUID().toString();

        SecretKeys.put(SECRET_ID, "{\"keys\":[{\"keyId\":\"" + marker + "\"");

        assertThat(as(good.key()).when().get("/v1/jobs").statusCode()).as("last good copy").isEqualTo(200);
        assertThat(TestKeys.given().when().get("/v1/jobs").statusCode()).as("table key").isEqualTo(200);
        JsonLogFile.of("api").await(JsonLogFile.messageContains("API key secret " + SECRET_ID + " is malformed"));
        assertThat(JsonLogFile.of("api").text()).doesNotContain(marker);

        SecretKeys.put(SECRET_ID, KeySecret.EMPTY);
        assertProblem(as(good.key()).when().get("/v1/jobs"), 401, "unauthenticated", "/v1/jobs");
    }
}
