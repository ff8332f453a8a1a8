package dev.sluice.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.Task;
import dev.sluice.core.job.TaskRef;
import dev.sluice.core.store.JobStore;
import dev.sluice.devstack.DevStack;
import dev.sluice.devstack.DevStackResource;
import dev.sluice.devstack.metrics.PrometheusScrape;
import dev.sluice.modelsim.LatencySpec;
import dev.sluice.modelsim.SimConfig;
import dev.sluice.worker.Tasks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the worker exports at /q/metrics after it ran a task that needed heartbeats. */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = DevStackResource.MODEL, value = "true"))
class WorkerMetricsTest {
    private static final String IMAGE = "image-generation";

    @TestHTTPResource("/q/metrics")
    URI metrics;

    @Inject
    JobStore jobs;

    private SimConfig originalConfig;

    @BeforeEach
    void slowModel() {
        originalConfig = DevStack.shared().modelSimClient().config();
        // Test lease TTL is 3 s, heartbeats every second: a 2.5 s call needs two of them.
        DevStack.shared().modelSimClient().setLatency(new LatencySpec.Fixed(2_500));
    }

    @AfterEach
    void restoreModel() {
        DevStack.shared().modelSimClient().setConfig(originalConfig);
    }

    @Test
    void aCompletedTaskShowsUpInCountsHistogramsAndHeartbeats() {
        PrometheusScrape before = PrometheusScrape.of(metrics);
        TaskRef ref = Tasks.submitImage(jobs, "metrics please");

        Task task = Tasks.awaitTask(jobs, ref, Duration.ofSeconds(30), t -> t.status().isTerminal());
        assertThat(task.status()).isEqualTo(JobStatus.COMPLETED);
        Map<String, String> completed = Map.of("type", IMAGE, "outcome", "completed");
        // The outcome is counted just after the commit that made the task COMPLETED.
        PrometheusScrape after = Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> PrometheusScrape.of(metrics),
                        scrape -> delta(before, scrape, "sluice_worker_tasks_total", completed) > 0);

        assertThat(delta(before, after, "sluice_worker_tasks_total", completed)).isEqualTo(1);
        assertThat(delta(before, after, "sluice_worker_task_duration_seconds_count", completed)).isEqualTo(1);
        assertThat(delta(before, after, "sluice_worker_task_duration_seconds_sum", completed)).isGreaterThan(2.5);
        assertThat(delta(before, after, "sluice_worker_queue_wait_seconds_count", Map.of("type", IMAGE))).isEqualTo(1);
        Map<String, String> success = Map.of("type", IMAGE, "result", "success");
        assertThat(delta(before, after, "sluice_worker_model_invocation_seconds_count", success)).isEqualTo(1);
        assertThat(delta(before, after, "sluice_worker_model_invocation_seconds_bucket",
                Map.of("type", IMAGE, "result", "success", "le", "1.0"))).as("2.5 s is not under 1 s").isZero();
        assertThat(delta(before, after, "sluice_worker_model_invocation_seconds_bucket",
                Map.of("type", IMAGE, "result", "success", "le", "5.0"))).isEqualTo(1);
        assertThat(delta(before, after, "sluice_worker_heartbeats_total", Map.of())).isGreaterThanOrEqualTo(2);
    }

    @Test
    void everyRequestOfATaskToAwsIsCountedByServiceAndOperation() {
        PrometheusScrape before = PrometheusScrape.of(metrics);
        TaskRef ref = Tasks.submitImage(jobs, "what does it cost");

        assertThat(Tasks.awaitTask(jobs, ref, Duration.ofSeconds(30), t -> t.status().isTerminal()).status())
                .isEqualTo(JobStatus.COMPLETED);
        PrometheusScrape after = Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> PrometheusScrape.of(metrics), scrape -> awsRequests(before, scrape, "Sqs", "DeleteMessage") > 0
                        // A beat counts itself before it extends the message's visibility.
                        && awsRequests(before, scrape, "Sqs", "ChangeMessageVisibility")
                        >= delta(before, scrape, "sluice_worker_heartbeats_total", Map.of()));

        // The hand-built SageMaker client and the extensions' clients alike.
        assertThat(awsRequests(before, after, "SageMakerRuntime", "InvokeEndpoint")).isEqualTo(1);
        assertThat(awsRequests(before, after, "S3", "PutObject")).isEqualTo(1);
        assertThat(awsRequests(before, after, "Sqs", "DeleteMessage")).isEqualTo(1);
        assertThat(awsRequests(before, after, "Sqs", "ReceiveMessage")).isGreaterThanOrEqualTo(1);
        double beats = delta(before, after, "sluice_worker_heartbeats_total", Map.of());
        assertThat(beats).isGreaterThanOrEqualTo(2);
        assertThat(awsRequests(before, after, "Sqs", "ChangeMessageVisibility")).as("one per heartbeat").isGreaterThanOrEqualTo(beats);
        assertThat(awsRequests(before, after, "DynamoDb", "UpdateItem")).as("lease, heartbeats, commit")
                .isGreaterThanOrEqualTo(2 + beats);
    }

    private static double awsRequests(PrometheusScrape before, PrometheusScrape after, String service, String operation) {
        return delta(before, after, "sluice_aws_requests_total", Map.of("service", service, "operation", operation));
    }

    @Test
    void seriesThatHaveNotHappenedYetAreExportedAsZero() {
        PrometheusScrape scrape = PrometheusScrape.of(metrics);

        assertThat(scrape.find("sluice_worker_tasks_total")).extracting(s -> s.labels().get("outcome"))
                .contains("completed", "failed", "retried", "lease_lost", "released_at_shutdown", "poison");
        assertThat(scrape.find("sluice_worker_lease_refusals_total")).extracting(s -> s.labels().get("reason"))
                .containsExactlyInAnyOrder("held_elsewhere", "terminal", "missing");
        assertThat(scrape.find("sluice_worker_heartbeat_failures_total")).extracting(s -> s.labels().get("kind"))
                .containsExactlyInAnyOrder("lease", "visibility");
        assertThat(scrape.names()).contains("sluice_worker_leases_lost_total", "sluice_worker_model_retries_total",
                "sluice_worker_model_circuit_state", "sluice_worker_shutdown_releases_total");
        assertThat(scrape.sum("sluice_worker_concurrency")).isGreaterThanOrEqualTo(1);
        assertThat(scrape.sum("sluice_worker_slots_free") + scrape.sum("sluice_worker_tasks_in_flight"))
                .as("an idle poller's long poll does not count as busy").isEqualTo(scrape.sum("sluice_worker_concurrency"));
    }

    private static double delta(PrometheusScrape before, PrometheusScrape after, String name, Map<String, String> labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
