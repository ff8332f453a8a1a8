package dev.sluice.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The overview dashboard queries only catalogued metrics, in valid PromQL, through the chosen data source. */
class DashboardTest {
    static final String DASHBOARD = "charts/sluice/dashboards/sluice-overview.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode dashboard;
    private static List<JsonNode> panels;

    @BeforeAll
    static void load() throws Exception {
        dashboard = JSON.readTree(RepoRoot.resolve(DASHBOARD).toFile());
        panels = new ArrayList<>();
        collect(dashboard.path("panels"), panels);
        assertThat(panels).as("panels of " + DASHBOARD).isNotEmpty();
    }

    // Panels inside a collapsed row are nested in the row's own "panels".
    private static void collect(JsonNode list, List<JsonNode> into) {
        for (JsonNode panel : list) {
            into.add(panel);
            collect(panel.path("panels"), into);
        }
    }

    @Test
    void schemaIsRecentEnough() {
        assertThat(dashboard.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(39);
    }

    @Test
    void dataSourceIsAPrometheusVariable() {
        JsonNode variable = variable("datasource");
        assertThat(variable.path("type").asText()).isEqualTo("datasource");
        assertThat(variable.path("query").asText()).isEqualTo("prometheus");
    }

    @Test
    void everyPanelAndTargetUsesTheDataSourceVariable() {
        for (JsonNode panel : panels) {
            assertThat(panel.path("title").asText()).as("title of panel %s", panel.path("id")).isNotBlank();
            assertThat(panel.path("datasource").path("uid").asText())
                    .as("datasource of panel '%s'", panel.path("title").asText()).isEqualTo("${datasource}");
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("datasource").path("uid").asText())
                        .as("datasource of a target of '%s'", panel.path("title").asText()).isEqualTo("${datasource}");
            }
        }
    }

    @Test
    void panelIdsAreUnique() {
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : panels) {
            assertThat(panel.has("id")).as("panel '%s' has an id", panel.path("title").asText()).isTrue();
            assertThat(ids.add(panel.path("id").asInt())).as("panel id %s is unique", panel.path("id")).isTrue();
        }
    }

    @Test
    void queriesUseOnlyCataloguedMetrics() throws Exception {
        MetricCatalog catalog = MetricCatalog.parse(Files.readString(RepoRoot.resolve("docs/observability.md")));
        List<String> exprs = new ArrayList<>(targetExpressions());
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("type").asText().equals("query")) {
                exprs.add(variable.path("definition").asText());
            }
        }
        for (String expr : exprs) {
            assertThat(PromQlMetricNames.seriesNames(expr)).as("metrics of %s", expr)
                    .isNotEmpty()
                    .allSatisfy(series -> assertThat(catalog.exports(series))
                            .as("%s (in %s) is in docs/observability.md", series, expr).isTrue());
        }
    }

    /** promtool parses each query as a recording rule once Grafana's variables are filled in. */
    @Test
    void queriesAreValidPromQl() throws Exception {
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard-queries\n    rules:\n");
        int i = 0;
        for (String expr : targetExpressions()) {
            String filled = expr.replace("$__rate_interval", "5m").replace("$__interval", "1m")
                    .replace("$__range", "1h").replace("$namespace", ".*");
            rules.append("      - record: dashboard_query_").append(i++).append("\n        expr: ")
                    // A JSON string is a valid YAML double-quoted scalar.
                    .append(JSON.writeValueAsString(filled)).append('\n');
        }
        Path file = RepoRoot.resolve("chart-tests/target/dashboard-queries.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, rules);
        Promtool.Result result = Promtool.run("check", "rules", RepoRoot.path().relativize(file).toString());
        assertThat(result.exitCode()).as("promtool check rules on the dashboard's queries: %s", result).isZero();
    }

    private static List<String> targetExpressions() {
        List<String> exprs = new ArrayList<>();
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                exprs.add(target.path("expr").asText());
            }
        }
        assertThat(exprs).as("queries of " + DASHBOARD).isNotEmpty();
        return exprs;
    }

    private static JsonNode variable(String name) {
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("name").asText().equals(name)) {
                return variable;
            }
        }
        throw new AssertionError("no template variable '" + name + "' in " + DASHBOARD);
    }
}
