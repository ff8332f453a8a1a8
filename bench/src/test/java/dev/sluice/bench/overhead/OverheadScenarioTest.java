package dev.sluice.bench.overhead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.bench.run.BenchRun;
import dev.sluice.bench.run.ScenarioReport;
import dev.sluice.localaws.ProjectRoot;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The overhead scenario's smoke run (quick) against the real stack and the packaged worker. */
class OverheadScenarioTest {

    @Test
    void everyRunDrainsItsWholeBatchAndThePairsGetARatio() throws Exception {
        Path root = ProjectRoot.fromWorkingDirectory().orElseThrow();
        BenchRun run = new BenchRun(true, root, root.resolve("bench/target/bench-test-logs/overhead"), System.err);

        ScenarioReport report = new OverheadScenario().run(run);

        List<List<String>> runs = report.tables().get(0).rows();
        OverheadScenario.Sizes sizes = OverheadScenario.QUICK;
        assertThat(runs).hasSize(2 * sizes.pairs());
        for (int i = 0; i < runs.size(); i++) {
            List<String> row = runs.get(i);
            assertThat(row.get(1)).isEqualTo(i % 2 == 0 ? "worker" : "naive");
            assertThat(row.get(2)).isEqualTo(Integer.toString(sizes.tasks()));
            assertThat(Double.parseDouble(row.get(3))).as("drain seconds").isPositive();
            assertThat(Double.parseDouble(row.get(4))).as("tasks/s").isPositive();
            if (i % 2 == 0) {
                assertThat(row.get(5)).as("COMPLETED in DynamoDB").isEqualTo(Integer.toString(sizes.tasks()));
            }
            assertThat(row.get(6)).as("outputs in S3").isEqualTo(Integer.toString(sizes.tasks()));
        }
        List<List<String>> pairs = report.tables().get(1).rows();
        assertThat(pairs).hasSize(sizes.pairs() + 1);
        assertThat(pairs.get(sizes.pairs()).get(0)).isEqualTo("median");
        for (List<String> pair : pairs) {
            assertThat(Double.parseDouble(pair.get(3))).as("naive ÷ worker").isPositive();
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        report.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("| run | consumer |").contains("naive ÷ worker");
    }
}
