package dev.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.charts.PromQlMetricNames;
import dev.sluice.devstack.metrics.PrometheusScrape;
import dev.sluice.e2e.OtlpCollector.CollectedSpan;
import dev.sluice.localaws.ProjectRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What operators see, from the real processes: one trace per job across the API and a worker (sent to
 * a collector over OTLP), and every metric the dashboard and the alerts use really exported.
 */
class ObservabilityE2ETest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = ProjectRoot.fromWorkingDirectory().orElseThrow();
    private static RunningSystem system;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        system = RunningSystem.shared();
        api = new ApiClient(system.api().uri(), system.apiKey());
    }

    @Test
    void oneTraceFollowsAJobFromTheApiCallThroughTheWorkerToItsOutput() throws IOException {
        var submitted = api.submit("{\"type\":\"image-generation\",\"input\":{\"prompt\":\"traced "
                + UUID.randomUUID() + "\",\"width\":64,\"height\":64}}", null);
        assertThat(submitted.status()).isEqualTo(202);
        String jobId = submitted.body().path("jobId").asText();
        assertThat(api.awaitTerminal(jobId, Duration.ofSeconds(60)).path("status").asText()).isEqualTo("COMPLETED");

        OtlpCollector collector = system.collector();
        CollectedSpan task = Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> collector.all().stream().filter(s -> s.name().equals("sluice-tasks process")
                        && jobId.equals(s.attributes().get("sluice.job.id"))).findFirst().orElse(null),
                span -> span != null);
        List<CollectedSpan> trace = Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> collector.trace(task.traceId()),
                spans -> names(spans, "sluice-worker").containsAll(Set.of("sluice-tasks process", "lease.acquire",
                        "model.invoke", "output.write", "lease.commit"))
                        && names(spans, "sluice-api").contains("POST /v1/jobs"));

        CollectedSpan server = trace.stream().filter(s -> s.service().equals("sluice-api")
                && s.kind().equals("SPAN_KIND_SERVER")).findFirst().orElseThrow();
        assertThat(server.name()).isEqualTo("POST /v1/jobs");
        assertThat(task.service()).isEqualTo("sluice-worker");
        assertThat(task.parentSpanId()).as("the worker continues the API's request span").isEqualTo(server.spanId());
        assertThat(trace).as("AWS calls of both processes are in the same trace")
                .anySatisfy(s -> assertThat(s.service() + " " + s.name()).startsWith("sluice-api DynamoDb."))
                .anySatisfy(s -> assertThat(s.service() + " " + s.name()).startsWith("sluice-worker SageMakerRuntime"))
                .anySatisfy(s -> assertThat(s.service() + " " + s.name()).startsWith("sluice-worker S3.PutObject"));
        writeSpanList(jobId, trace);
    }

    @Test
    void everyMetricTheDashboardAndTheAlertsUseIsExported() throws Exception {
        // Something for every series to say: a job, a rejected request, and one reaper run.
        var submitted = api.submit("{\"type\":\"image-generation\",\"input\":{\"prompt\":\"metrics\"}}", null);
        api.awaitTerminal(submitted.body().path("jobId").asText(), Duration.ofSeconds(60));
        api.submit("{\"type\":\"image-generation\",\"input\":{\"prompt\":\"\"}}", null);
        runReaper();

        SortedSet<String> used = new TreeSet<>();
        used.addAll(dashboardSeries());
        used.addAll(alertSeries());
        assertThat(used).hasSizeGreaterThan(20);

        Set<String> exported = Awaitility.await().atMost(Duration.ofSeconds(15)).until(this::exportedSeries,
                names -> names.contains("sluice_reaper_last_success_timestamp_seconds"));
        assertThat(used).as("series used by the dashboard or the alerts but exported by no app")
                .allMatch(exported::contains, "exported by the API or a worker");
    }

    private Set<String> exportedSeries() {
        Set<String> names = new TreeSet<>(PrometheusScrape.of(system.api().uri().resolve("/q/metrics")).names());
        // Whichever worker took the job exports its per-outcome series: read them all, as Prometheus would.
        system.workers().forEach(w -> names.addAll(PrometheusScrape.of(w.uri().resolve("/q/metrics")).names()));
        return names;
    }

    private static SortedSet<String> dashboardSeries() throws IOException {
        JsonNode dashboard = JSON.readTree(ROOT.resolve("charts/sluice/dashboards/sluice-overview.json").toFile());
        SortedSet<String> series = new TreeSet<>();
        dashboard.findValues("expr").forEach(expr -> series.addAll(PromQlMetricNames.seriesNames(expr.asText())));
        return series;
    }

    private static SortedSet<String> alertSeries() throws IOException {
        SortedSet<String> series = new TreeSet<>();
        for (String line : Files.readAllLines(ROOT.resolve("charts/sluice/rules/sluice-alerts.yaml"))) {
            // Expressions are the only place the rule file names metrics; descriptions use words.
            if (!line.trim().startsWith("description:") && !line.trim().startsWith("summary:")) {
                series.addAll(PromQlMetricNames.seriesNames(line));
            }
        }
        return series;
    }

    private static void runReaper() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-jar",
                ROOT.resolve("reaper/target/quarkus-app/quarkus-run.jar").toString(), "run")
                .redirectErrorStream(true)
                .redirectOutput(ROOT.resolve("e2e/target/e2e-logs/reaper.log").toFile());
        builder.environment().putAll(system.environment());
        Process reaper = builder.start();
        assertThat(reaper.waitFor(2, TimeUnit.MINUTES)).as("reaper finished").isTrue();
        assertThat(reaper.exitValue()).as("reaper exit code; see e2e/target/e2e-logs/reaper.log").isZero();
    }

    private static Set<String> names(List<CollectedSpan> spans, String service) {
        return spans.stream().filter(s -> s.service().equals(service)).map(CollectedSpan::name).collect(Collectors.toSet());
    }

    /** The span list of the job's trace, kept with the e2e logs for people to read. */
    private static void writeSpanList(String jobId, List<CollectedSpan> trace) throws IOException {
        List<CollectedSpan> sorted = new ArrayList<>(trace);
        sorted.sort((a, b) -> Long.compare(a.startNanos(), b.startNanos()));
        long t0 = sorted.get(0).startNanos();
        StringBuilder out = new StringBuilder("trace " + trace.get(0).traceId() + " of job " + jobId + "\n");
        for (CollectedSpan span : sorted) {
            out.append(String.format("%+7d ms %6d ms  %-13s %-18s %s (span %s, parent %s)%n",
                    (span.startNanos() - t0) / 1_000_000, span.durationMillis(), span.service(),
                    span.kind().replace("SPAN_KIND_", ""), span.name(), span.spanId(),
                    span.parentSpanId().isEmpty() ? "-" : span.parentSpanId()));
        }
        Files.writeString(ROOT.resolve("e2e/target/e2e-logs/trace-" + jobId + ".txt"), out);
    }
}
