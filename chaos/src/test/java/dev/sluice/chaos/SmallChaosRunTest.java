package dev.sluice.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.localaws.ProjectRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The small chaos configuration, run on every build: 100 tasks, 3 worker processes, a SIGKILL every
 * ~8 s, one SIGSTOP longer than the lease TTL, one SQS outage, 6 poison tasks. It must keep every
 * invariant. About two minutes on two cores; the large run is {@code ./chaos.sh} on demand.
 */
class SmallChaosRunTest {

    @Test
    void everyInvariantHoldsUnderKillsAPauseAndAnSqsOutage() throws IOException {
        Path root = ProjectRoot.fromWorkingDirectory().orElseThrow();
        Path logs = root.resolve("chaos/target/chaos-test/small-run");
        deleteRecursively(logs);
        ChaosOptions options = ChaosOptions.parse(new String[] {
                "--tasks", "100", "--workers", "3", "--kill-every", "8", "--pause-one", "--outage", "5",
                "--outage-target", "sqs", "--poison", "6", "--seed", "20261124", "--timeout", "180",
                "--logs", logs.toString()});

        FinalReport report = new Harness(options, root, System.err).run();

        System.out.println(report.line());
        assertThat(report.harnessError()).as(report.line()).isFalse();
        assertThat(report.json().path("chaos").path("kills").asInt()).as("workers were killed").isPositive();
        assertThat(report.json().path("chaos").path("pauses").size()).as("a worker was paused").isEqualTo(1);
        assertThat(report.json().path("chaos").path("outages").size()).as("SQS went away").isEqualTo(1);
        assertThat(report.json().path("failed")).as(report.line()).isEmpty();
        assertThat(report.passed()).as(report.line()).isTrue();
        assertThat(report.exitCode()).isZero();
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
