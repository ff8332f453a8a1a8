package dev.sluice.bench.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.bench.run.BenchRun;
import dev.sluice.bench.run.ScenarioReport;
import dev.sluice.bench.run.Scenarios;
import dev.sluice.localaws.ProjectRoot;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The quick admission run against the real stack and the packaged apps: every client of every level is
 * accounted for, and the numbers hang together. Not a speed test.
 */
class AdmissionScenarioTest {

    @Test
    void quickRunAccountsForEveryClientOfBothDesigns() throws Exception {
        Path root = ProjectRoot.fromWorkingDirectory().orElseThrow();
        Path logs = Files.createDirectories(root.resolve("bench/target/bench-logs/admission"));
        BenchRun run = new BenchRun(true, root, logs, System.err);

        ScenarioReport report = Scenarios.find("admission").orElseThrow().run(run);

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        report.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        System.out.print(printed.toString(StandardCharsets.UTF_8));

        List<Integer> levels = AdmissionSettings.quick().levels();
        assertThat(report.tables()).hasSize(2);
        List<List<String>> seen = report.tables().get(0).rows();
        List<List<String>> work = report.tables().get(1).rows();
        assertThat(seen).hasSize(2 * levels.size());
        assertThat(work).hasSize(seen.size());
        for (int i = 0; i < seen.size(); i++) {
            List<String> row = seen.get(i);
            int clients = levels.get(i / 2);
            assertThat(row.get(0)).isEqualTo(Integer.toString(clients));
            assertThat(row.get(1)).isEqualTo(i % 2 == 0 ? "old (sync)" : "Sluice");
            int ok = leadingInt(row.get(2));
            assertThat(ok + leadingInt(row.get(3)) + leadingInt(row.get(4))).as("every client accounted for: %s", row)
                    .isEqualTo(clients);
            assertThat(ok).as("some clients were served: %s", row).isPositive();
            double p50 = Double.parseDouble(row.get(6));
            double p99 = Double.parseDouble(row.get(7));
            double max = Double.parseDouble(row.get(8));
            assertThat(p50).isPositive().isLessThanOrEqualTo(p99);
            assertThat(p99).isLessThanOrEqualTo(max);
            assertThat(Double.parseDouble(row.get(5))).isPositive();

            List<String> done = work.get(i);
            assertThat(done.subList(0, 2)).isEqualTo(row.subList(0, 2));
            int delivered = leadingInt(done.get(2));
            assertThat(delivered + leadingInt(done.get(3))).isEqualTo(clients);
            assertThat(delivered).as("a result is only delivered to a client that got an answer: %s", done)
                    .isLessThanOrEqualTo(ok);
            assertThat(leadingInt(done.get(5))).as("every result came from the model: %s", done)
                    .isGreaterThanOrEqualTo(delivered);
            if (delivered == clients) {
                assertThat(Double.parseDouble(done.get(4))).as("all done after: %s", done).isPositive();
            }
        }
    }

    private static int leadingInt(String cell) {
        return Integer.parseInt(cell.split(" ", 2)[0]);
    }
}
