package dev.sluice.api.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one schemathesis run found, read from its JSON report (the verdict) and its NDJSON event log (which
 * cases were sent). {@code casesByOperation} counts the cases per request sent ({@code "POST /v1/jobs"}),
 * over all phases; probes with undocumented methods count under their own method.
 */
record SchemathesisReport(int exitCode, boolean complete, int generated, int operationsTotal, int operationsTested,
                          List<String> failures, List<String> errors, Map<String, Integer> casesByOperation,
                          Map<String, Integer> casesByPhase) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static SchemathesisReport read(Path json, Path ndjson) throws IOException {
        JsonNode verdict = JSON.readTree(json.toFile());
        List<String> failures = new ArrayList<>();
        verdict.path("failures").forEach(f -> failures.add(f.path("code").asText() + " " + f.path("title").asText()
                + " x" + f.path("count").asInt() + " in " + f.path("operations")));
        List<String> errors = new ArrayList<>();
        verdict.path("errors").forEach(e -> errors.add(e.path("title").asText() + " x" + e.path("count").asInt()));
        Map<String, Integer> byOperation = new TreeMap<>();
        Map<String, Integer> byPhase = new TreeMap<>();
        try (BufferedReader lines = Files.newBufferedReader(ndjson, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode finished = JSON.readTree(line).path("ScenarioFinished");
                if (finished.isMissingNode()) {
                    continue;
                }
                String phase = finished.path("phase").asText();
                finished.path("recorder").path("cases").forEach(c -> {
                    JsonNode sent = c.path("value");
                    byOperation.merge(sent.path("method").asText() + " " + sent.path("path").asText(), 1, Integer::sum);
                    byPhase.merge(phase, 1, Integer::sum);
                });
            }
        }
        JsonNode operations = verdict.path("operations");
        return new SchemathesisReport(verdict.path("exit_code").asInt(-1), verdict.path("complete").asBoolean(),
                verdict.path("test_cases").path("generated").asInt(), operations.path("total").asInt(),
                operations.path("tested").asInt(), failures, errors, byOperation, byPhase);
    }

    /** Counted from the event log, so it must agree with the report's own total. */
    int casesCounted() {
        return casesByOperation.values().stream().mapToInt(Integer::intValue).sum();
    }

    String summary() {
        StringBuilder text = new StringBuilder("schemathesis: ").append(generated).append(" cases generated, ")
                .append(operationsTested).append('/').append(operationsTotal).append(" operations tested, ")
                .append(failures.size()).append(" kinds of failure, ").append(errors.size()).append(" errors\n");
        casesByOperation.forEach((operation, count) -> text.append(String.format("  %-28s %5d%n", operation, count)));
        casesByPhase.forEach((phase, count) -> text.append(String.format("  phase %-22s %5d%n", phase, count)));
        failures.forEach(f -> text.append("  FAILURE ").append(f).append('\n'));
        errors.forEach(e -> text.append("  ERROR ").append(e).append('\n'));
        return text.toString();
    }
}
