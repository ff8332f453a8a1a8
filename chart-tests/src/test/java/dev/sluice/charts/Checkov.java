package dev.sluice.charts;

import dev.sluice.localaws.ValidatorVenv;
import dev.sluice.localaws.ExternalCommand;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs checkov's Kubernetes checks over one manifest file. Skips are only those the manifests
 * declare themselves ({@code checkov.io/skipN: CHECK_ID=reason} annotations, read by checkov).
 */
final class Checkov {
    // Once per file, not per object: each start costs seconds.
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The annotation key checkov reads skips from, and the value it expects. */
    static final Pattern SKIP_KEY = Pattern.compile("checkov\\.io/skip\\d+");
    static final Pattern SKIP_VALUE = Pattern.compile("(CKV2?_K8S_\\d+)(?:=(.*))?", Pattern.DOTALL);

    record Finding(String checkId, String checkName, String resource, String detail) {
        @Override
        public String toString() {
            return resource + " " + checkId + " (" + checkName + ")" + (detail.isEmpty() ? "" : ": " + detail);
        }
    }

    record Report(int passed, List<Finding> failed, List<Finding> skipped, int parsingErrors, int resources, String raw) {
        boolean clean() {
            return failed.isEmpty() && parsingErrors == 0;
        }

        @Override
        public String toString() {
            return "checkov: " + passed + " passed, " + failed.size() + " failed, " + skipped.size() + " skipped"
                    + (parsingErrors == 0 ? "" : ", " + parsingErrors + " files not parsed")
                    + (failed.isEmpty() ? "" : "\n  " + String.join("\n  ", failed.stream().map(Finding::toString).toList()));
        }
    }

    private Checkov() {
    }

    static Report scan(RenderedManifests objects, Path file) {
        objects.writeTo(file);
        ExternalCommand.Result result = ExternalCommand.run(file.getParent(), TIMEOUT, List.of(
                ValidatorVenv.tool("checkov").toString(),
                "--file", file.toString(),
                "--framework", "kubernetes",
                "--output", "json",
                "--compact",
                // Offline: no guideline download, no platform calls.
                "--skip-download"));
        // Exit code 1 means "checks failed", which the report shows; anything else is a broken run.
        if (result.exitCode() > 1) {
            throw new IllegalStateException("checkov did not run: " + result);
        }
        JsonNode root;
        try {
            root = JSON.readTree(result.stdout());
        } catch (IOException e) {
            throw new UncheckedIOException("checkov printed no JSON: " + result, e);
        }
        // One framework gives an object; several would give a list of them. When no check applies
        // to any object (Namespace, ResourceQuota, ...), checkov prints only the bare summary.
        JsonNode report = root.isArray() ? root.path(0) : root;
        if (report.has("resource_count") && report.path("resource_count").asInt() == 0) {
            return new Report(0, List.of(), List.of(), report.path("parsing_errors").asInt(), 0, result.stdout());
        }
        if (!"kubernetes".equals(report.path("check_type").asText())) {
            throw new IllegalStateException("checkov printed no Kubernetes report: " + result);
        }
        JsonNode results = report.path("results");
        return new Report(
                report.path("summary").path("passed").asInt(),
                findings(results.path("failed_checks"), false),
                findings(results.path("skipped_checks"), true),
                report.path("summary").path("parsing_errors").asInt(),
                report.path("summary").path("resource_count").asInt(),
                result.stdout());
    }

    private static List<Finding> findings(JsonNode checks, boolean skipped) {
        List<Finding> findings = new ArrayList<>();
        for (JsonNode check : checks) {
            String detail = skipped
                    ? "skipped: " + check.path("check_result").path("suppress_comment").asText()
                    : String.join(", ", textValues(check.path("check_result").path("evaluated_keys")));
            findings.add(new Finding(check.path("check_id").asText(), check.path("check_name").asText(),
                    check.path("resource").asText(), detail));
        }
        return findings;
    }

    private static List<String> textValues(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /**
     * Every checkov skip annotation anywhere in the object (its own metadata or a pod template's),
     * as "Kind/name key: value" lines, for those whose value is not "CHECK_ID=non-empty reason".
     */
    static List<String> skipsWithoutReason(KubeObject object) {
        List<String> bad = new ArrayList<>();
        collectSkips(object.node(), object.id(), bad, new ArrayList<>());
        return bad;
    }

    /** Every well-formed skip in the object, as "Kind/name CHECK_ID: reason". */
    static List<String> skips(KubeObject object) {
        List<String> skips = new ArrayList<>();
        collectSkips(object.node(), object.id(), new ArrayList<>(), skips);
        return skips;
    }

    private static void collectSkips(JsonNode node, String id, List<String> bad, List<String> good) {
        if (node.isObject()) {
            node.path("annotations").properties().forEach(annotation -> {
                if (SKIP_KEY.matcher(annotation.getKey()).matches()) {
                    String value = annotation.getValue().asText();
                    Matcher matcher = SKIP_VALUE.matcher(value.strip());
                    if (!matcher.matches() || matcher.group(2) == null || matcher.group(2).isBlank()) {
                        bad.add(id + " " + annotation.getKey() + ": " + value);
                    } else {
                        good.add(id + " " + matcher.group(1) + ": " + matcher.group(2).strip());
                    }
                }
            });
            node.forEach(child -> collectSkips(child, id, bad, good));
        } else if (node.isArray()) {
            node.forEach(child -> collectSkips(child, id, bad, good));
        }
    }
}
