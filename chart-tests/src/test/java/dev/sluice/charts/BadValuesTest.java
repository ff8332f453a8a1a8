package dev.sluice.charts;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wrong values file stops helm template with a message that names the offending key, before
 * anything reaches a cluster. Each bad file is layered over the valid prod values, so the one
 * mistake in it is the only thing wrong.
 */
class BadValuesTest {
    // Helm's own words when values.schema.json rejects the values (not a template failing later).
    private static final String SCHEMA_ERROR = "values don't meet the specifications of the schema";

    @TempDir
    Path temp;

    private String renderProdWith(String badValues) throws IOException {
        Path file = temp.resolve("bad-values.yaml");
        Files.writeString(file, badValues, StandardCharsets.UTF_8);
        return ChartRenderer.template(ChartRenderer.chart(), Environment.PROD.namespace(),
                List.of(Environment.PROD.valuesFile(), file), Map.of());
    }

    @Test
    void theProdValuesThemselvesRender() throws IOException {
        // Guards the tests below: they must fail because of their one mistake, not of the base.
        renderProdWith("{}\n");
    }

    @Test
    void aStringWhereANumberBelongsIsRejected() {
        assertThatThrownBy(() -> renderProdWith("worker:\n  concurrency: \"four\"\n"))
                .hasMessageContaining(SCHEMA_ERROR)
                .hasMessageContaining("at '/worker/concurrency': got string, want integer");
    }

    @Test
    void aMissingRequiredValueIsRejected() {
        // null removes the key, as if no values file had ever set it.
        assertThatThrownBy(() -> renderProdWith("aws:\n  queueUrl: null\n"))
                .hasMessageContaining(SCHEMA_ERROR)
                .hasMessageContaining("at '/aws': missing property 'queueUrl'");
    }

    @Test
    void anEmptyRequiredValueIsRejected() {
        assertThatThrownBy(() -> renderProdWith("aws:\n  region: \"\"\n"))
                .hasMessageContaining(SCHEMA_ERROR)
                .hasMessageContaining("at '/aws/region'");
    }

    @Test
    void theLatestTagIsRejectedForAllImages() {
        assertThatThrownBy(() -> renderProdWith("image:\n  tag: latest\n"))
                .hasMessageContaining("tag \"latest\" is not allowed; pin a release tag or a digest");
    }

    @Test
    void theLatestTagIsRejectedForOneComponent() {
        assertThatThrownBy(() -> renderProdWith("worker:\n  image:\n    tag: latest\n"))
                .hasMessageContaining("sluice-worker: tag \"latest\" is not allowed");
    }
}
