package dev.sluice.api.metrics;

import static dev.sluice.api.TestKeys.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.LocalState;
import dev.sluice.devstack.DevStackResource;
import dev.sluice.devstack.metrics.PrometheusScrape;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** sluice_aws_requests_total counts what a submission really sends to DynamoDB and SQS. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class AwsRequestMetricsTest {
    private static final String REQUESTS = "sluice_aws_requests_total";

    @TestHTTPResource("/q/metrics")
    URI metrics;

    @Test
    void aSubmissionIsOneTransactionAndOneMessage() {
        PrometheusScrape before = PrometheusScrape.of(metrics);
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"type\":\"image-generation\",\"input\":{\"prompt\":\"what does it cost\"}}")
                .when().post("/v1/jobs").then().statusCode(202);
        PrometheusScrape after = PrometheusScrape.of(metrics);

        assertThat(delta(before, after, "DynamoDb", "TransactWriteItems")).isEqualTo(1);
        assertThat(delta(before, after, "Sqs", "SendMessage")).isEqualTo(1);
        assertThat(delta(before, after, "DynamoDb", "UpdateItem")).as("enqueuedAt, the idempotency record, the rate window")
                .isGreaterThanOrEqualTo(2);
        assertThat(after.find(REQUESTS)).allSatisfy(s -> assertThat(s.labels()).containsOnlyKeys("service", "operation"));
        LocalState.drainQueue();
    }

    private static double delta(PrometheusScrape before, PrometheusScrape after, String service, String operation) {
        Map<String, String> labels = Map.of("service", service, "operation", operation);
        return after.sum(REQUESTS, labels) - before.sum(REQUESTS, labels);
    }
}
