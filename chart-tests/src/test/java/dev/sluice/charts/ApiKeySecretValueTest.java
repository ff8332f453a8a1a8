package dev.sluice.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code api.keys.secretId} reaches the API Deployment as SLUICE_API_KEYS_SECRET_ID, and only when set. */
class ApiKeySecretValueTest {

    private static String renderProd(Map<String, Object> sets) {
        return ChartRenderer.template(ChartRenderer.chart(), Environment.PROD.namespace(),
                List.of(Environment.PROD.valuesFile()), sets);
    }

    @Test
    void theSecretIdIsPassedToTheApiOnly() {
        String rendered = renderProd(Map.of("api.keys.secretId", "sluice/api-keys"));

        assertThat(rendered).containsOnlyOnce("SLUICE_API_KEYS_SECRET_ID")
                .contains("- name: SLUICE_API_KEYS_SECRET_ID\n              value: \"sluice/api-keys\"");
        String apiDeployment = rendered.substring(rendered.indexOf("# Source: sluice/templates/api/deployment.yaml"));
        assertThat(apiDeployment.substring(0, apiDeployment.indexOf("\n---"))).contains("SLUICE_API_KEYS_SECRET_ID");
    }

    @Test
    void withoutASecretTheVariableIsAbsentAndANonStringIsRejected() {
        assertThat(renderProd(Map.of())).doesNotContain("SLUICE_API_KEYS_SECRET_ID");
        assertThatThrownBy(() -> renderProd(Map.of("api.keys.unknown", "x")))
                .hasMessageContaining("values don't meet the specifications of the schema");
    }
}
