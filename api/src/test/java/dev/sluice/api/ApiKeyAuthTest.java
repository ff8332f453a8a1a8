package dev.sluice.api;

import static dev.sluice.api.Problems.assertProblem;
import static dev.sluice.api.TestKeys.anonymous;
import static dev.sluice.api.TestKeys.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.auth.ApiKey;
import dev.sluice.core.auth.CreatedKey;
import dev.sluice.core.auth.KeyFormat;
import dev.sluice.devstack.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API-key authentication on every /v1 route, scopes, and owner isolation with two owners' keys. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class ApiKeyAuthTest {
    private static final String JOB = "{\"type\":\"image-generation\",\"input\":{\"prompt\":\"auth\"}}";

    @BeforeEach
    void emptyQueue() {
        LocalState.purgeQueue();
    }

    private static void assertUnauthenticated(Response response, String path) {
        assertProblem(response, 401, "unauthenticated", path);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    private static Response submit(RequestSpecification request) {
        return request.contentType(ContentType.JSON).body(JOB.getBytes(StandardCharsets.UTF_8)).when().post("/v1/jobs");
    }

    private static String submitted(RequestSpecification request) {
        Response response = submit(request);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
        return response.jsonPath().getString("jobId");
    }

    @Test
    void everyV1RouteNeedsAKeyAndNothingIsWrittenWithoutOne() {
        int items = LocalState.tableItems();
        String jobPath = "/v1/jobs/" + UUID.randomUUID();

        assertUnauthenticated(submit(anonymous()), "/v1/jobs");
        assertUnauthenticated(anonymous().when().get("/v1/jobs"), "/v1/jobs");
        assertUnauthenticated(anonymous().when().get(jobPath), jobPath);
        assertUnauthenticated(anonymous().when().delete(jobPath), jobPath);
        assertUnauthenticated(anonymous().contentType(ContentType.JSON)
                .body("{\"contentType\":\"video/mp4\",\"sizeBytes\":10}").when().post("/v1/uploads"), "/v1/uploads");
        assertUnauthenticated(anonymous().when().delete("/v1/me/data"), "/v1/me/data");

        assertThat(LocalState.tableItems()).isEqualTo(items);
        assertThat(LocalState.queuedMessages()).isZero();
        assertThat(anonymous().when().get("/q/health/live").statusCode()).as("/q stays open").isEqualTo(200);
    }

    @Test
    void malformedUnknownAndForgedKeysAreTheSame401() {
        String known = TestKeys.defaultKey();
        String keyId = KeyFormat.parse(known).orElseThrow().keyId();

        assertUnauthenticated(anonymous().header("Authorization", "Basic dXNlcjpwYXNz").get("/v1/jobs"), "/v1/jobs");
        assertUnauthenticated(anonymous().header("Authorization", "Bearer").get("/v1/jobs"), "/v1/jobs");
        assertUnauthenticated(anonymous().header("Authorization", known).get("/v1/jobs"), "/v1/jobs");
        assertUnauthenticated(as("not-a-key").get("/v1/jobs"), "/v1/jobs");
        assertUnauthenticated(as(KeyFormat.newKey(KeyFormat.newKeyId())).get("/v1/jobs"), "/v1/jobs");
        assertUnauthenticated(as(KeyFormat.newKey(keyId)).get("/v1/jobs"), "/v1/jobs");
        assertUnauthenticated(anonymous().header("X-Api-Key", known).header("Authorization", "Bearer " + known)
                .get("/v1/jobs"), "/v1/jobs");
        Response response = as(KeyFormat.newKey(keyId)).get("/v1/jobs");
        assertThat(response.asString()).doesNotContain(keyId);
    }

    @Test
    void bothHeaderFormsAreAccepted() {
        String key = TestKeys.defaultKey();
        assertThat(anonymous().header("Authorization", "Bearer " + key).get("/v1/jobs").statusCode()).isEqualTo(200);
        assertThat(anonymous().header("Authorization", "bearer " + key).get("/v1/jobs").statusCode()).isEqualTo(200);
        assertThat(anonymous().header("X-Api-Key", key).get("/v1/jobs").statusCode()).isEqualTo(200);
    }

    @Test
    void revokedExpiredAndNotYetValidKeysAre401() {
        Instant now = Instant.now();
        CreatedKey revoked = TestKeys.create(LocalState.OWNER, Optional.empty(), Optional.empty(), ApiKey.JOBS_READ);
        TestKeys.keys().revoke(revoked.record().keyId());
        CreatedKey expired = TestKeys.create(LocalState.OWNER, Optional.of(now.minus(Duration.ofHours(2))),
                Optional.of(now.minus(Duration.ofHours(1))), ApiKey.JOBS_READ);
        CreatedKey early = TestKeys.create(LocalState.OWNER, Optional.of(now.plus(Duration.ofHours(1))),
                Optional.empty(), ApiKey.JOBS_READ);

        assertUnauthenticated(as(revoked.key()).get("/v1/jobs"), "/v1/jobs");
        assertUnauthenticated(as(expired.key()).get("/v1/jobs"), "/v1/jobs");
        assertUnauthenticated(as(early.key()).get("/v1/jobs"), "/v1/jobs");
    }

    @Test
    void aKeyWithoutTheRoutesScopeIs403() {
        String readOnly = TestKeys.create(LocalState.OWNER, ApiKey.JOBS_READ);
        String writeOnly = TestKeys.create(LocalState.OWNER, ApiKey.JOBS_WRITE);
        String admin = TestKeys.create(LocalState.OWNER, ApiKey.ADMIN);
        String jobPath = "/v1/jobs/" + UUID.randomUUID();

        assertProblem(submit(as(readOnly)), 403, "forbidden", "/v1/jobs");
        assertProblem(as(readOnly).delete(jobPath), 403, "forbidden", jobPath);
        assertProblem(as(readOnly).contentType(ContentType.JSON).body("{\"contentType\":\"video/mp4\",\"sizeBytes\":10}")
                .post("/v1/uploads"), 403, "forbidden", "/v1/uploads");
        assertProblem(as(readOnly).delete("/v1/me/data"), 403, "forbidden", "/v1/me/data");
        assertProblem(as(writeOnly).get("/v1/jobs"), 403, "forbidden", "/v1/jobs");
        assertProblem(as(writeOnly).get(jobPath), 403, "forbidden", jobPath);
        assertThat(LocalState.queuedMessages()).isZero();

        assertThat(as(readOnly).get("/v1/jobs").statusCode()).isEqualTo(200);
        String jobId = submitted(as(admin));
        assertThat(as(admin).get("/v1/jobs/" + jobId).statusCode()).isEqualTo(200);
        LocalState.drainQueue();
    }

    @Test
    void anotherOwnersJobIsInvisibleOnEveryRoute() {
        String ownerA = "owner-a-" + UUID.randomUUID().toString().substring(0, 8);
        String ownerB = "owner-b-" + UUID.randomUUID().toString().substring(0, 8);
        String keyA = TestKeys.create(ownerA, ApiKey.JOBS_READ, ApiKey.JOBS_WRITE);
        String keyB = TestKeys.create(ownerB, ApiKey.JOBS_READ, ApiKey.JOBS_WRITE);
        String jobA = submitted(as(keyA));
        String path = "/v1/jobs/" + jobA;

        assertProblem(as(keyB).get(path), 404, "job-not-found", path);
        assertProblem(as(keyB).delete(path), 404, "job-not-found", path);
        assertThat(as(keyB).get("/v1/jobs").jsonPath().getList("jobs.jobId", String.class)).isEmpty();
        assertThat(as(keyA).get("/v1/jobs").jsonPath().getList("jobs.jobId", String.class)).containsExactly(jobA);
        assertThat(as(keyA).get(path).jsonPath().getString("status")).as("B's cancel changed nothing").isEqualTo("PENDING");

        Response upload = as(keyA).contentType(ContentType.JSON)
                .body("{\"contentType\":\"video/mp4\",\"sizeBytes\":10}").post("/v1/uploads");
        assertThat(upload.statusCode()).as(upload.asString()).isEqualTo(201);
        String uploadKey = upload.jsonPath().getString("key");
        assertThat(uploadKey).startsWith("uploads/" + ownerA + "/");
        Response stolen = as(keyB).contentType(ContentType.JSON).body(("{\"type\":\"video-analysis\",\"input\":{\"vehicle\":"
                + "{\"licencePlate\":\"AB12CDE\",\"vin\":\"1M8GDM9AXKP042788\"},\"videos\":[\"" + uploadKey + "\"]}}")
                .getBytes(StandardCharsets.UTF_8)).post("/v1/jobs");
        assertProblem(stolen, 422, "validation-failed", "/v1/jobs");
        assertThat(as(keyB).get("/v1/jobs").jsonPath().getList("jobs")).isEmpty();
        LocalState.drainQueue();
    }
}
