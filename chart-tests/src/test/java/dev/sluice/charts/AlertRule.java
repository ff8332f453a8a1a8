package dev.sluice.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One alerting rule of a Prometheus rule file ({@code groups:} format). */
record AlertRule(String name, String expr, Map<String, String> labels, Map<String, String> annotations) {
    static final String RULES = "charts/sluice/rules/sluice-alerts.yaml";
    static final String RULE_TESTS = "charts/sluice/rules/tests/sluice-alerts.test.yaml";

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Alerting rules only: recording rules have no severity or runbook. */
    static List<AlertRule> load(Path file) throws IOException {
        List<AlertRule> alerts = new ArrayList<>();
        for (JsonNode group : YAML.readTree(file.toFile()).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.has("alert")) {
                    alerts.add(new AlertRule(rule.path("alert").asText(), rule.path("expr").asText(),
                            strings(rule.path("labels")), strings(rule.path("annotations"))));
                }
            }
        }
        return alerts;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new TreeMap<>();
        object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
