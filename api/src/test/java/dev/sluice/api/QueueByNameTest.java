package dev.sluice.api;

import static dev.sluice.api.TestKeys.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.config.SluiceConfig;
import dev.sluice.devstack.DevStack;
import dev.sluice.devstack.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The production default: no queue URL configured, only a name the API resolves by itself. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@TestProfile(QueueByNameTest.NameOnly.class)
class QueueByNameTest {

    public static class NameOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // An empty value is an absent value for an Optional mapping.
            return Map.of("sluice.queue.url", "", "sluice.queue.name", DevStack.shared().resources().queueName());
        }
    }

    @Inject
    SluiceConfig config;

    @Test
    void theQueueUrlIsLookedUpFromTheName() {
        assertThat(config.queue().url()).as("the profile must really remove the URL").isEmpty();
        LocalState.purgeQueue();

        Response response = given().contentType(ContentType.JSON)
                .body("{\"type\":\"image-generation\",\"input\":{\"prompt\":\"by name\"}}").when().post("/v1/jobs");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
        assertThat(LocalState.singleMessage().jobId()).isEqualTo(response.jsonPath().getString("jobId"));
        assertThat(given().when().get("/q/health/ready").statusCode()).isEqualTo(200);
    }
}
