package dev.sluice.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.LocalState;
import dev.sluice.api.TestKeys;
import dev.sluice.core.auth.ApiKey;
import dev.sluice.devstack.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Contract test: schemathesis reads {@code /q/openapi} and sends the running API generated requests,
 * valid and invalid, with every check on: no 5xx, every status code, content type, header and body
 * documented, schema-valid requests accepted and schema-invalid ones refused, authentication enforced,
 * {@code Allow} true. Stateful scenarios follow the {@code Location} of submitted jobs to read and cancel them.
 *
 * <p>Run alone: {@code ./mvnw -o -q verify -pl core,local-aws,devstack,api -Dtest=SchemathesisTest
 * -Dsurefire.failIfNoSpecifiedTests=false}; {@code -Dsluice.schemathesis.max-examples=200} digs deeper.
 * The console output and the JUnit, JSON and NDJSON reports are kept in {@code api/target/schemathesis/}.
 */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class SchemathesisTest {
    /** Fixed, so a failure reproduces with the same cases; change it to explore other ones. */
    private static final String SEED = "20261124";
    /** Cases per operation and phase: enough to reach every rule, small enough for ~2 minutes on 2 cores. */
    private static final String MAX_EXAMPLES = System.getProperty("sluice.schemathesis.max-examples", "100");
    private static final Path CONFIG = Path.of("src/test/schemathesis/schemathesis.toml");
    private static final long TIMEOUT_MINUTES = 8;

    @TestHTTPResource("/q/openapi")
    URL openapi;

    @AfterEach
    void dropQueuedJobs() {
        // Accepted submissions left messages that no worker consumes here.
        LocalState.purgeQueue();
    }

    @Test
    void generatedRequestsGetOnlyDocumentedAnswers() throws Exception {
        Path reports = Path.of("target", "schemathesis").toAbsolutePath();
        Files.createDirectories(reports);
        Path json = reports.resolve("report.json");
        Path ndjson = reports.resolve("events.ndjson");
        Path console = reports.resolve("output.txt");
        Files.deleteIfExists(json);
        Files.deleteIfExists(ndjson);
        // The document under test, kept next to the reports that refer to it.
        Files.writeString(reports.resolve("openapi.json"),
                RestAssured.get(openapi + "?format=json").then().statusCode(200).extract().asString(), StandardCharsets.UTF_8);
        // An owner of its own: the jobs it creates never show up in other tests' listings.
        String key = TestKeys.create("schemathesis", ApiKey.JOBS_READ, ApiKey.JOBS_WRITE);

        List<String> command = new ArrayList<>(List.of(
                SchemathesisVenv.cli().toString(),
                "--config-file", CONFIG.toAbsolutePath().toString(),
                "run", openapi + "?format=json",
                "--checks", "all",
                // DELETE /v1/jobs/{id} cancels a job; the job stays readable (200, status CANCELLED) by design,
                // which use_after_free (expects 404 after a DELETE) would report. Per-operation exceptions of
                // other checks, each with its reason, are in schemathesis.toml.
                "--exclude-checks", "use_after_free",
                "--header", "Authorization: Bearer " + key,
                "--seed", SEED,
                "--max-examples", MAX_EXAMPLES,
                // The API shares the 2 cores; one worker also keeps the order of cases, and so the run, reproducible.
                "--workers", "1",
                "--request-timeout", "10",
                // No example database: every run starts from the seed alone, not from what earlier runs found.
                "--generation-database", "none",
                "--no-color",
                "--report", "junit,json,ndjson",
                "--report-dir", reports.toString(),
                "--report-json-path", json.toString(),
                "--report-ndjson-path", ndjson.toString(),
                "--report-junit-path", reports.resolve("junit.xml").toString()));
        Process process = new ProcessBuilder(command)
                .directory(reports.toFile())
                .redirectErrorStream(true)
                .redirectOutput(console.toFile())
                .start();
        process.getOutputStream().close();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("schemathesis did not finish within " + TIMEOUT_MINUTES + " minutes:\n" + read(console));
        }
        String output = read(console);
        System.out.println(output);
        assertThat(json).as("JSON report; schemathesis said:\n" + output).exists();

        SchemathesisReport report = SchemathesisReport.read(json, ndjson);
        System.out.println(report.summary());
        Files.writeString(reports.resolve("summary.txt"), report.summary(), StandardCharsets.UTF_8);
        assertThat(report.complete()).as(output).isTrue();
        assertThat(report.failures()).as(output).isEmpty();
        assertThat(report.errors()).as(output).isEmpty();
        assertThat(report.exitCode()).as(output).isZero();
        assertThat(process.exitValue()).as(output).isZero();
        // A run that sent nothing (a schema that lost its paths, a filter matching nothing) must not pass.
        assertThat(report.operationsTested()).as(output).isEqualTo(report.operationsTotal()).isGreaterThanOrEqualTo(5);
        assertThat(report.generated()).isPositive().isEqualTo(report.casesCounted());
        assertThat(report.casesByOperation()).containsKeys("POST /v1/jobs", "GET /v1/jobs", "GET /v1/jobs/{jobId}",
                "DELETE /v1/jobs/{jobId}", "POST /v1/uploads", "POST /api/invitations", "GET /api/invitations",
                "GET /api/invitations/{invitationId}", "POST /api/invitations/{code}/accept",
                "POST /api/invitations/status/twilio");
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(no output)";
    }
}
