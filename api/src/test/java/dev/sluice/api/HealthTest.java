package dev.sluice.api;

import static dev.sluice.api.TestKeys.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.devstack.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class HealthTest {

    @Test
    void readyWhenTableQueueAndBucketAnswer() {
        Response response = given().when().get("/q/health/ready");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.jsonPath().getString("status")).isEqualTo("UP");
        assertThat(response.jsonPath().getString("checks.find { it.name == 'aws' }.status")).isEqualTo("UP");
        assertThat(response.jsonPath().getString("checks.find { it.name == 'aws' }.data.table")).isEqualTo("ACTIVE");
    }

    @Test
    void overallHealthIsUp() {
        assertThat(given().when().get("/q/health").jsonPath().getString("status")).isEqualTo("UP");
    }
}
