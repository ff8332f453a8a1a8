package dev.sluice.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.bench.run.BenchRun;
import dev.sluice.bench.run.ScenarioReport;
import dev.sluice.localaws.ProjectRoot;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scale scenario's smoke run (quick) against the real stack and packaged workers. */
class ScaleScenarioTest {

    @Test
    void everyFleetSizeDrainsTheWholeBatch() throws Exception {
        Path root = ProjectRoot.fromWorkingDirectory().orElseThrow();
        BenchRun run = new BenchRun(true, root, root.resolve("bench/target/bench-test-logs/scale"), System.err);

        ScenarioReport report = new ScaleScenario().run(run);

        List<List<String>> rows = report.tables().get(0).rows();
        ScaleSizes sizes = ScaleSizes.quick();
        assertThat(rows).extracting(row -> row.get(0)).containsExactly("1", "2", "4");
        for (List<String> row : rows) {
            assertThat(row.get(1)).isEqualTo(Integer.toString(Integer.parseInt(row.get(0)) * ScaleScenario.CONCURRENCY));
            assertThat(row.get(2)).isEqualTo(Integer.toString(sizes.tasks()));
            assertThat(Double.parseDouble(row.get(3))).as("drain seconds").isPositive();
            assertThat(Double.parseDouble(row.get(4))).as("tasks/s").isPositive();
            assertThat(Double.parseDouble(row.get(5))).as("speed-up").isPositive();
            assertThat(row.get(6)).as("COMPLETED in DynamoDB").isEqualTo(Integer.toString(sizes.tasks()));
            assertThat(row.get(7)).as("outputs in S3").isEqualTo(Integer.toString(sizes.tasks()));
        }
        assertThat(rows.get(0).get(5)).isEqualTo("1.00");
    }

    @Test
    void theFullSizeCanBeSetButNotToNonsense() {
        assertThat(ScaleSizes.full(null).tasks()).isEqualTo(ScaleSizes.FULL_TASKS);
        assertThat(ScaleSizes.full("10000").tasks()).isEqualTo(10_000);
        assertThatThrownBy(() -> ScaleSizes.full("ten")).hasMessageContaining(ScaleSizes.TASKS_VARIABLE);
        assertThatThrownBy(() -> ScaleSizes.full("0")).hasMessageContaining("at least 1");
    }
}
