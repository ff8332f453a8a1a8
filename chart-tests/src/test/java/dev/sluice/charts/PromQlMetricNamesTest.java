package dev.sluice.charts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlMetricNamesTest {

    @Test
    void findsEveryMetricOfAnExpression() {
        String expr = "sum(rate(sluice_worker_tasks_total{outcome=\"failed\"}[5m]))"
                + " / sum(rate(sluice_worker_tasks_total[5m])) and on() sluice_worker_concurrency > 0";
        assertThat(PromQlMetricNames.seriesNames(expr))
                .containsExactly("sluice_worker_concurrency", "sluice_worker_tasks_total");
    }

    @Test
    void reducesHistogramSeriesToTheirBaseName() {
        String expr = "histogram_quantile(0.99, sum by (le) (rate(sluice_api_requests_seconds_bucket[5m])))"
                + " / sluice_api_requests_seconds_count + sluice_api_requests_seconds_sum";
        assertThat(PromQlMetricNames.seriesNames(expr)).containsExactly("sluice_api_requests_seconds_bucket",
                "sluice_api_requests_seconds_count", "sluice_api_requests_seconds_sum");
        assertThat(PromQlMetricNames.metricNames(expr)).containsExactly("sluice_api_requests_seconds");
    }

    @Test
    void ignoresLabelValuesAndLongerIdentifiers() {
        String expr = "up{job=\"sluice_api\", pod='sluice_worker_x'} + other_sluice_metric"
                + " + label_replace(sluice_queue_messages, \"x\", \"sluice_fake_total\", \"\", \"\")";
        assertThat(PromQlMetricNames.seriesNames(expr)).containsExactly("sluice_queue_messages");
    }

    @Test
    void handlesEscapedQuotesInStrings() {
        String expr = "sluice_queue_messages{queue=~\"a\\\"sluice_fake\"} + sluice_worker_slots_free";
        assertThat(PromQlMetricNames.seriesNames(expr))
                .containsExactly("sluice_queue_messages", "sluice_worker_slots_free");
    }
}
