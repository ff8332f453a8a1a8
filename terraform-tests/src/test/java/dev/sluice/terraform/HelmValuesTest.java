package dev.sluice.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The helm_values output fits charts/sluice: every path it sets is a value the chart has. */
class HelmValuesTest {

    @Test
    void everyPathIsAChartValue() throws IOException {
        HclFiles hcl = HclFiles.parse(TerraformDir.terraform().resolve("modules/sluice"));
        List<JsonNode> outputs = hcl.outputs("helm_values");
        assertThat(outputs).hasSize(1);
        JsonNode values = HclFiles.value(outputs.get(0), "value");
        JsonNode chart = new ObjectMapper(new YAMLFactory()).readTree(TerraformDir.root().resolve("charts/sluice/values.yaml").toFile());

        List<String> paths = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        walk(values, chart, "", paths, unknown);
        assertThat(paths).contains("aws.queueUrl", "aws.table", "aws.bucket", "aws.region", "api.serviceAccount.roleArn",
                "worker.serviceAccount.roleArn", "reaper.serviceAccount.roleArn", "api.keys.secretId", "aws.kmsKeyId");
        assertThat(unknown).as("paths charts/sluice/values.yaml does not have").isEmpty();
    }

    @Test
    void bothEnvironmentsHandTheValuesOn() {
        for (String env : List.of("dev", "prod")) {
            List<JsonNode> outputs = HclFiles.parse(TerraformDir.terraform().resolve("envs/" + env)).outputs("helm_values");
            assertThat(outputs).as(env).singleElement()
                    .satisfies(o -> assertThat(HclFiles.value(o, "value").asText()).isEqualTo("${module.sluice.helm_values}"));
        }
    }

    // A map the chart leaves empty ({} such as annotations) takes any key.
    private static void walk(JsonNode values, JsonNode chart, String path, List<String> paths, List<String> unknown) {
        values.fields().forEachRemaining(field -> {
            String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (chart.isObject() && chart.isEmpty() && !path.isEmpty()) {
                paths.add(child);
            } else if (!chart.has(field.getKey())) {
                unknown.add(child);
            } else if (field.getValue().isObject()) {
                walk(field.getValue(), chart.get(field.getKey()), child, paths, unknown);
            } else {
                paths.add(child);
            }
        });
    }
}
