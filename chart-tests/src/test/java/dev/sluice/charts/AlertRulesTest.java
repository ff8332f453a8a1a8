package dev.sluice.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The alert rules are valid, tested, classified, use real metrics and lead to a runbook section. */
class AlertRulesTest {
    private static final String RUNBOOK_URL = "https://github.com/sluice-dev/sluice/blob/main/docs/runbook.md#";

    private static List<AlertRule> alerts;

    @BeforeAll
    static void load() throws Exception {
        alerts = AlertRule.load(RepoRoot.resolve(AlertRule.RULES));
        assertThat(alerts).as("alerts in " + AlertRule.RULES).isNotEmpty();
    }

    @Test
    void promtoolAcceptsTheRules() throws Exception {
        Promtool.Result result = Promtool.run("check", "rules", AlertRule.RULES);
        assertThat(result.exitCode()).as("promtool check rules: %s", result).isZero();
    }

    @Test
    void promtoolUnitTestsPass() throws Exception {
        Promtool.Result result = Promtool.run("test", "rules", AlertRule.RULE_TESTS);
        assertThat(result.exitCode()).as("promtool test rules: %s", result).isZero();
    }

    @Test
    void everyAlertHasAUnitTestWhereItFiresAndOneWhereItDoesNot() throws Exception {
        Set<String> fires = new HashSet<>();
        Set<String> silent = new HashSet<>();
        JsonNode tests = AlertRule.YAML.readTree(RepoRoot.resolve(AlertRule.RULE_TESTS).toFile());
        for (JsonNode test : tests.path("tests")) {
            for (JsonNode check : test.path("alert_rule_test")) {
                String name = check.path("alertname").asText();
                (check.path("exp_alerts").isEmpty() ? silent : fires).add(name);
            }
        }
        for (AlertRule alert : alerts) {
            assertThat(fires).as("a unit test where %s fires", alert.name()).contains(alert.name());
            assertThat(silent).as("a unit test where %s stays silent", alert.name()).contains(alert.name());
        }
    }

    @Test
    void everyAlertIsWarningOrCritical() {
        for (AlertRule alert : alerts) {
            assertThat(alert.labels().get("severity")).as("severity of %s", alert.name())
                    .isIn("warning", "critical");
        }
    }

    @Test
    void everyAlertExplainsItself() {
        for (AlertRule alert : alerts) {
            assertThat(alert.annotations().get("summary")).as("summary of %s", alert.name()).isNotBlank();
            assertThat(alert.annotations().get("description")).as("description of %s", alert.name()).isNotBlank();
        }
    }

    @Test
    void everyRunbookUrlLeadsToARunbookHeading() throws Exception {
        Set<String> anchors = MarkdownAnchors.of(Files.readString(RepoRoot.resolve("docs/runbook.md")));
        for (AlertRule alert : alerts) {
            String url = alert.annotations().get("runbook_url");
            assertThat(url).as("runbook_url of %s", alert.name()).startsWith(RUNBOOK_URL);
            assertThat(anchors).as("heading in docs/runbook.md for %s", url)
                    .contains(url.substring(RUNBOOK_URL.length()));
        }
    }

    @Test
    void rulesUseOnlyCataloguedMetrics() throws Exception {
        MetricCatalog catalog = MetricCatalog.parse(Files.readString(RepoRoot.resolve("docs/observability.md")));
        for (AlertRule alert : alerts) {
            assertThat(PromQlMetricNames.seriesNames(alert.expr())).as("metrics of %s", alert.name())
                    .isNotEmpty()
                    .allSatisfy(series -> assertThat(catalog.exports(series))
                            .as("%s (in %s) is in docs/observability.md", series, alert.name()).isTrue());
        }
    }
}
