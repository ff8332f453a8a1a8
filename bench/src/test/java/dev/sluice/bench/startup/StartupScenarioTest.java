package dev.sluice.bench.startup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.bench.run.BenchRun;
import dev.sluice.bench.run.ScenarioReport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The smoke run: one start of each packaged app, timed and measured. */
class StartupScenarioTest {

    @Test
    void aQuickRunTimesAndMeasuresBothApps() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        ScenarioReport report = new StartupScenario().run(new BenchRun(true, root,
                root.resolve("bench/target/bench-logs/startup"), System.err));
        List<List<String>> rows = report.tables().get(0).rows();

        assertThat(rows).extracting(r -> r.get(0)).containsExactly("api", "worker");
        for (List<String> row : rows) {
            double ready = Double.parseDouble(row.get(3).split(" ")[0]);
            double startedIn = Double.parseDouble(row.get(4));
            assertThat(ready).as("spawn to ready includes what Quarkus counts").isGreaterThan(startedIn);
            assertThat(Double.parseDouble(row.get(5))).as("RSS at ready, MiB").isBetween(16.0, 4096.0);
            assertThat(Double.parseDouble(row.get(6))).as("RSS after load, MiB").isBetween(16.0, 4096.0);
        }
    }
}
