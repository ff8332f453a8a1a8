package dev.sluice.api.tracing;

import static dev.sluice.api.TestKeys.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.LocalState;
import dev.sluice.devstack.DevStackResource;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/** A submission's trace context leaves with its message, so the worker can continue the same trace. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class SubmitTraceTest {

    @Inject
    InMemorySpanExporter spans;

    @BeforeEach
    void emptyQueue() {
        LocalState.purgeQueue();
    }

    @Test
    void theMessageCarriesTheRequestSpansTraceparentAndTheDynamoDbCallsNestUnderIt() {
        String jobId = given().contentType(ContentType.JSON)
                .body("{\"type\":\"image-generation\",\"input\":{\"prompt\":\"traced\"}}")
                .when().post("/v1/jobs").then().statusCode(202).extract().jsonPath().getString("jobId");

        List<Message> messages = LocalState.drainQueue();
        assertThat(messages).hasSize(1);
        String traceparent = messages.get(0).messageAttributes().get("traceparent").stringValue();
        String[] parts = traceparent.split("-");
        assertThat(parts).hasSize(4);
        String traceId = parts[1];

        List<SpanData> trace = Awaitility.await().atMost(Duration.ofSeconds(10)).until(
                () -> spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList(),
                list -> list.stream().anyMatch(s -> s.getKind() == SpanKind.SERVER));
        SpanData server = trace.stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
        assertThat(server.getName()).isEqualTo("POST /v1/jobs");
        assertThat(parts[2]).as("the message's parent is the request span").isEqualTo(server.getSpanId());
        assertThat(parts[3]).as("sampled").isEqualTo("01");
        assertThat(trace).as("the job's DynamoDB writes, inside the request").anySatisfy(s -> {
            assertThat(s.getKind()).isEqualTo(SpanKind.CLIENT);
            assertThat(s.getName()).startsWith("DynamoDb.");
            assertThat(s.getParentSpanId()).isEqualTo(server.getSpanId());
        });
        assertThat(jobId).isNotBlank();
    }
}
