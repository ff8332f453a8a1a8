package dev.sluice.bench.requests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.bench.run.BenchRun;
import dev.sluice.bench.run.ScenarioReport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The smoke run: the quick scenario against the real stack and the packaged apps. */
class RequestsScenarioTest {

    @Test
    void aQuickRunCountsEveryStepOfATaskAndPricesIt() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        ScenarioReport report = new RequestsScenario().run(new BenchRun(true, root,
                root.resolve("bench/target/bench-logs/requests"), System.err));
        List<ScenarioReport.Table> tables = report.tables();
        List<List<String>> perTask = tables.get(0).rows();

        // One of each per task, whatever its length: a submission, a model call, an output, a deletion.
        for (String[] call : new String[][] {{"Sqs", "SendMessage"}, {"DynamoDb", "TransactWriteItems"},
                {"SageMakerRuntime", "InvokeEndpoint"}, {"S3", "PutObject"}, {"Sqs", "DeleteMessage"}}) {
            assertThat(cell(perTask, call[0], call[1], 3)).as("short %s", call[1]).isEqualTo(1.0);
            assertThat(cell(perTask, call[0], call[1], 4)).as("long %s", call[1]).isEqualTo(1.0);
        }
        assertThat(cell(perTask, "Sqs", "ReceiveMessage", 3)).isGreaterThan(0);
        // The long task outlives a heartbeat (every 10 s): one lease extension and one visibility extension more.
        assertThat(cell(perTask, "Sqs", "ChangeMessageVisibility", 4))
                .isGreaterThanOrEqualTo(cell(perTask, "Sqs", "ChangeMessageVisibility", 3) + 1);
        assertThat(cell(perTask, "DynamoDb", "UpdateItem", 4))
                .isGreaterThanOrEqualTo(cell(perTask, "DynamoDb", "UpdateItem", 3) + 1);

        List<String> total = tables.get(1).rows().get(tables.get(1).rows().size() - 1);
        assertThat(dollars(total.get(1))).isPositive();
        assertThat(dollars(total.get(2))).isGreaterThan(dollars(total.get(1)));
        assertThat(tables.get(2).rows()).as("a status read reads the job")
                .anySatisfy(row -> assertThat(row.get(1)).isEqualTo("Query"));
        assertThat(tables.get(4).rows()).as("the API's readiness probe asks SQS")
                .anySatisfy(row -> assertThat(row).startsWith("api", "Sqs", "GetQueueAttributes"));
    }

    private static double cell(List<List<String>> rows, String service, String operation, int column) {
        return rows.stream().filter(r -> r.get(0).equals(service) && r.get(1).equals(operation))
                .mapToDouble(r -> Double.parseDouble(r.get(column))).findFirst().orElse(0);
    }

    private static double dollars(String cell) {
        return Double.parseDouble(cell.replace("$", ""));
    }
}
