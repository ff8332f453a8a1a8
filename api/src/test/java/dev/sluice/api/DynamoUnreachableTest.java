package dev.sluice.api;

import static dev.sluice.api.Problems.assertProblem;
import static dev.sluice.api.TestKeys.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.devstack.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DynamoDB down: the API's DynamoDB endpoint is a local port nobody listens on, so every call fails
 * to connect, as in an outage. Submissions and reads answer 503 with Retry-After, nothing is queued,
 * and readiness reports the pod unready.
 */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@TestProfile(DynamoUnreachableTest.DeadDynamo.class)
class DynamoUnreachableTest {

    public static class DeadDynamo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.dynamodb.endpoint-override", "http://127.0.0.1:" + closedPort());
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void submissionsAreA503AndNothingIsQueued() {
        LocalState.purgeQueue();

        Response response = given().contentType(ContentType.JSON)
                .body("{\"type\":\"image-generation\",\"input\":{\"prompt\":\"offline\"}}").when().post("/v1/jobs");

        assertProblem(response, 503, "service-unavailable", "/v1/jobs");
        assertThat(response.header("Retry-After")).isEqualTo("2");
        assertThat(response.asString()).doesNotContain("127.0.0.1").doesNotContain("Exception");
        assertThat(LocalState.queuedMessages()).isZero();
    }

    @Test
    void readsAreA503() {
        String path = "/v1/jobs/" + java.util.UUID.randomUUID();
        assertProblem(given().when().get(path), 503, "service-unavailable", path);
    }

    @Test
    void readinessIsDown() {
        Response response = given().when().get("/q/health/ready");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.jsonPath().getString("status")).isEqualTo("DOWN");
        assertThat(response.jsonPath().getString("checks.find { it.name == 'aws' }.data.table")).isEqualTo("SdkClientException");
        assertThat(response.jsonPath().getString("checks.find { it.name == 'aws' }.data.queue")).isEqualTo("OK");
        assertThat(given().when().get("/q/health/live").statusCode()).as("an outage must not restart pods").isEqualTo(200);
    }
}
