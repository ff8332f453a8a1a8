package dev.sluice.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class MetricCatalogTest {

    @Test
    void readsNamesAndTypesFromTheTables() {
        MetricCatalog catalog = MetricCatalog.parse("""
                | metric | type | labels | meaning |
                | --- | --- | --- | --- |
                | `sluice_a_total` | counter | `x` | a |
                | `sluice_b_seconds` | histogram | | b |
                Prose that mentions `sluice_c` is not a row.
                """);
        assertThat(catalog.types()).containsOnly(
                org.assertj.core.api.Assertions.entry("sluice_a_total", "counter"),
                org.assertj.core.api.Assertions.entry("sluice_b_seconds", "histogram"));
    }

    @Test
    void histogramsExportBucketCountAndSumAndNothingElseDoes() {
        MetricCatalog catalog = MetricCatalog.parse("""
                | `sluice_h_seconds` | histogram | | |
                | `sluice_g` | gauge | | |
                """);
        assertThat(catalog.exports("sluice_h_seconds_bucket")).isTrue();
        assertThat(catalog.exports("sluice_h_seconds_count")).isTrue();
        assertThat(catalog.exports("sluice_h_seconds_sum")).isTrue();
        assertThat(catalog.exports("sluice_g")).isTrue();
        assertThat(catalog.exports("sluice_g_sum")).isFalse();
        assertThat(catalog.exports("sluice_missing")).isFalse();
    }

    @Test
    void theRealCatalogueListsEveryApplication() throws Exception {
        MetricCatalog catalog = MetricCatalog.parse(Files.readString(RepoRoot.resolve("docs/observability.md")));
        assertThat(catalog.types())
                .containsEntry("sluice_api_requests_seconds", "histogram")
                .containsEntry("sluice_queue_messages", "gauge")
                .containsEntry("sluice_reaper_actions_total", "counter")
                .containsEntry("sluice_worker_tasks_total", "counter");
    }
}
