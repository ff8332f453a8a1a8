package dev.sluice.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * helm lint --strict accepts the chart with each environment's values. Not with the bare defaults:
 * the chart deliberately has required values without defaults (region, queue URL), which the
 * schema rejects when empty.
 */
class ChartLintTest {

    @ParameterizedTest
    @EnumSource(Environment.class)
    void chartLintsCleanWithTheEnvironmentValues(Environment environment, @TempDir Path temp) {
        Path chart = MergedValuesChart.copy(ChartRenderer.chart(), environment.valuesFile(),
                temp.resolve(ChartRenderer.chart().getFileName()));
        LintResult result = ChartRenderer.lint(chart);
        assertThat(result.isFailed()).as("helm lint --strict -f %s:%n%s", environment.valuesFile().getFileName(),
                String.join("\n", result.getMessages())).isFalse();
    }

    // Without this, a lint that never fails would pass the tests above.
    @Test
    void aChartWithABrokenTemplateFailsLint() throws URISyntaxException {
        Path broken = Path.of(getClass().getResource("/fixtures/broken-chart/Chart.yaml").toURI()).getParent();
        LintResult result = ChartRenderer.lint(broken);
        assertThat(result.isFailed()).isTrue();
        assertThat(String.join("\n", result.getMessages())).contains("configmap.yaml");
    }
}
