package dev.sluice.api.metrics;

import static dev.sluice.api.TestKeys.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.LocalState;
import dev.sluice.core.reaper.ReaperAction;
import dev.sluice.core.reaper.ReaperRecords;
import dev.sluice.devstack.DevStackResource;
import dev.sluice.devstack.metrics.PrometheusScrape;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the API exports at /q/metrics: submissions, request latency, and the monitor's gauges. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class ApiMetricsTest {
    private static final String IMAGE = "image-generation";

    @TestHTTPResource("/q/metrics")
    URI metrics;

    @BeforeEach
    void emptyQueue() {
        LocalState.purgeQueue();
    }

    @Test
    void submissionsAreCountedByOutcomeAndRequestsTimedByRouteAndStatus() {
        PrometheusScrape before = PrometheusScrape.of(metrics);
        String key = UUID.randomUUID().toString();
        String body = "{\"type\":\"image-generation\",\"input\":{\"prompt\":\"counted\"}}";

        submit(key, body).then().statusCode(202);
        submit(key, body).then().statusCode(202).header("Idempotent-Replayed", "true");
        submit(null, "{\"type\":\"image-generation\",\"input\":{\"prompt\":\"\"}}").then().statusCode(422);
        submit(null, "{not json").then().statusCode(400);
        PrometheusScrape after = PrometheusScrape.of(metrics);

        assertThat(delta(before, after, "sluice_api_jobs_submitted_total", Map.of("type", IMAGE, "outcome", "accepted"))).isEqualTo(1);
        assertThat(delta(before, after, "sluice_api_jobs_submitted_total", Map.of("type", IMAGE, "outcome", "replayed"))).isEqualTo(1);
        assertThat(delta(before, after, "sluice_api_jobs_submitted_total", Map.of("outcome", "rejected"))).isEqualTo(2);
        assertThat(delta(before, after, "sluice_api_requests_seconds_count", Map.of("uri", "/v1/jobs", "status", "202"))).isEqualTo(2);
        assertThat(delta(before, after, "sluice_api_requests_seconds_count", Map.of("uri", "/v1/jobs", "status", "422"))).isEqualTo(1);
        assertThat(after.find("sluice_api_requests_seconds_bucket")).extracting(s -> s.labels().get("le"))
                .contains("0.005", "0.1", "1.0", "10.0", "+Inf");
        assertThat(after.names()).as("renamed, not duplicated").noneMatch(n -> n.startsWith("http_server_requests"));
        LocalState.drainQueue();
    }

    @Test
    void theMonitorExportsQueueDepthsTheOldestWaitAndTheReapersRecord() {
        submit(null, "{\"type\":\"image-generation\",\"input\":{\"prompt\":\"waiting\"}}").then().statusCode(202);
        LocalState.sqs().sendMessage(b -> b.queueUrl(LocalState.resources().dlqUrl()).messageBody("{\"dead\":true}"));
        ReaperRecords records = new ReaperRecords(LocalState.dynamo(), LocalState.resources().table(), ReaperRecords.REAPER_LOCK);
        Instant reaperRan = Instant.now().minusSeconds(60);
        records.record(reaperRan, Duration.ofMillis(2500), true, Map.of(ReaperAction.DLQ_FAILED, 4L));
        try {
            PrometheusScrape scrape = Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> PrometheusScrape.of(metrics), s ->
                            s.sum("sluice_queue_messages", Map.of("queue", "tasks", "state", "visible")) >= 1
                                    && s.sum("sluice_queue_messages", Map.of("queue", "dlq", "state", "visible")) >= 1
                                    && s.sum("sluice_reaper_actions_total", Map.of("action", "dlq_failed")) >= 4);

            assertThat(scrape.find("sluice_queue_messages")).hasSize(6);
            assertThat(scrape.sum("sluice_queue_oldest_pending_age_seconds")).as("the job just submitted waits").isPositive();
            assertThat(scrape.sum("sluice_reaper_last_success_timestamp_seconds"))
                    .isEqualTo(reaperRan.toEpochMilli() / 1000.0, org.assertj.core.data.Offset.offset(0.001));
            assertThat(scrape.sum("sluice_reaper_last_run_duration_seconds")).isEqualTo(2.5);
            assertThat(scrape.sum("sluice_monitor_last_success_timestamp_seconds"))
                    .isGreaterThan(Instant.now().minusSeconds(10).toEpochMilli() / 1000.0);
            assertThat(scrape.names()).contains("sluice_monitor_failures_total");
        } finally {
            LocalState.drainQueue();
            drainDlq();
        }
    }

    private static io.restassured.response.Response submit(String key, String body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.when().post("/v1/jobs");
    }

    private static void drainDlq() {
        var sqs = LocalState.sqs();
        String url = LocalState.resources().dlqUrl();
        sqs.purgeQueue(b -> b.queueUrl(url));
    }

    private static double delta(PrometheusScrape before, PrometheusScrape after, String name, Map<String, String> labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
