package dev.sluice.reaper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.devstack.DevStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged reaper as the CronJob and an operator start it: {@code java -jar quarkus-run.jar}, with
 * nothing but environment variables, outside Kubernetes.
 */
class PackagedReaperIT {
    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    @Test
    void badArgumentsExitWith2WithTheUsageOnStderr() throws Exception {
        Result result = launch(Map.of(), "--no-such-option");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown option: '--no-such-option'").contains("Usage: reaper");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void withoutArgumentsItRunsAndPrintsOnlyOneJsonLineOnStdout() throws Exception {
        Result result = launch(DevStack.shared().environment());

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).as("stdout carries the summary only; logs go to stderr").hasSize(1);
        JsonNode summary = new ObjectMapper().readTree(lines.get(0));
        assertThat(summary.path("command").asText()).isEqualTo("run");
        assertThat(summary.path("outcome").asText()).isEqualTo("completed");
        assertThat(summary.path("steps").fieldNames()).toIterable()
                .containsExactly("deadLetters", "expiredLeases", "goneOwners", "stuckPending", "orphans");
        assertThat(summary.path("steps").path("goneOwners").path("status").asText()).isEqualTo("skipped");
        assertThat(summary.path("steps").path("goneOwners").path("reason").asText()).contains("not running in Kubernetes");
        assertThat(summary.path("durationMs").isNumber()).isTrue();
        assertThat(result.err()).contains("step orphans");
        // The prod profile logs JSON, one object per line, with the MDC under "mdc".
        for (String line : result.err().lines().toList()) {
            JsonNode record = new ObjectMapper().readTree(line);
            assertThat(record.path("message").isTextual()).as(line).isTrue();
            assertThat(record.path("mdc").isObject()).as(line).isTrue();
        }
    }

    private static Result launch(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        assertThat(JAR).as("packaged application").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("reaper-out", ".txt");
        Path err = Files.createTempFile("reaper-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        // Outside Kubernetes whatever machine runs the build.
        builder.environment().remove("KUBERNETES_SERVICE_HOST");
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the reaper did not exit within 120 s");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String out, String err) {
    }
}
