package dev.sluice.api.limits;

import static dev.sluice.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.TestKeys;
import dev.sluice.core.auth.ApiKey;
import dev.sluice.devstack.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The per-key request rate: 5 requests per 2-second window in this profile, shared through DynamoDB. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@TestProfile(SmallLimits.class)
class RateLimitTest {
    private static final String POLICY = "\"per-key\";q=5;w=2";

    private static String freshKey() {
        return TestKeys.create("rate-" + UUID.randomUUID(), ApiKey.JOBS_READ, ApiKey.JOBS_WRITE);
    }

    /**
     * One request before the measured window: the key is looked up and cached and the first request's
     * one-off costs are paid, so the requests that follow fit in one 2-second window.
     */
    private static void warmUp(String key) {
        assertThat(read(key, "/v1/jobs").statusCode()).isEqualTo(200);
    }

    private static Response read(String key, String path) {
        return TestKeys.as(key).when().get(path);
    }

    @Test
    void theRequestAfterTheLimitIsA429UntilTheWindowEnds() throws Exception {
        String key = freshKey();
        String path = "/v1/jobs/" + UUID.randomUUID();
        warmUp(key);
        SmallLimits.startOfAWindow();

        for (int i = 1; i <= SmallLimits.REQUESTS; i++) {
            Response allowed = read(key, path);
            assertThat(allowed.statusCode()).as("request %d", i).isEqualTo(404);
            assertThat(allowed.header("RateLimit")).startsWith("\"per-key\";r=" + (SmallLimits.REQUESTS - i) + ";t=");
        }
        Response refused = read(key, path);

        assertProblem(refused, 429, "rate-limited", path);
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1, 2);
        assertThat(refused.header("RateLimit-Policy")).isEqualTo(POLICY);
        assertThat(refused.header("RateLimit")).isEqualTo("\"per-key\";r=0;t=" + retryAfter);
        assertThat(refused.jsonPath().getString("detail")).contains("5 requests").contains("2-second window");
        assertProblem(read(key, path), 429, "rate-limited", path);

        Thread.sleep(retryAfter * 1000L);
        Response nextWindow = read(key, path);
        assertThat(nextWindow.statusCode()).as("a new window allows again").isEqualTo(404);
        assertThat(nextWindow.header("RateLimit")).startsWith("\"per-key\";r=4;t=");
    }

    @Test
    void everyAuthenticatedAnswerCarriesTheLimit() {
        String key = freshKey();

        Response accepted = TestKeys.as(key).contentType(ContentType.JSON)
                .body("{\"type\":\"image-generation\",\"input\":{\"prompt\":\"a kite\"}}").when().post("/v1/jobs");
        Response listed = read(key, "/v1/jobs");
        Response invalid = TestKeys.as(key).contentType(ContentType.JSON).body("{\"type\":\"nope\"}").when().post("/v1/jobs");

        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(invalid.statusCode()).isEqualTo(422);
        for (Response response : new Response[] {accepted, listed, invalid}) {
            assertThat(response.header("RateLimit-Policy")).isEqualTo(POLICY);
            assertThat(response.header("RateLimit")).matches("\"per-key\";r=[0-4];t=[12]");
        }
        Response anonymous = TestKeys.anonymous().when().get("/v1/jobs");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.header("RateLimit")).as("nobody to count for").isNull();
    }

    @Test
    void anotherKeyIsNotLimitedByThisOne() throws Exception {
        String owner = "rate-" + UUID.randomUUID();
        String busy = TestKeys.create(owner, ApiKey.JOBS_READ);
        String other = TestKeys.create(owner, ApiKey.JOBS_READ);
        warmUp(busy);
        SmallLimits.startOfAWindow();
        for (int i = 0; i < SmallLimits.REQUESTS; i++) {
            read(busy, "/v1/jobs");
        }
        assertThat(read(busy, "/v1/jobs").statusCode()).isEqualTo(429);

        Response unaffected = read(other, "/v1/jobs");

        assertThat(unaffected.statusCode()).as("the limit is per key, even of the same owner").isEqualTo(200);
        assertThat(unaffected.header("RateLimit")).startsWith("\"per-key\";r=4;");
    }
}
