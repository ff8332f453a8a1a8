package dev.sluice.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects, per rendered target (an environment, or k8s/), the objects and what each validator
 * counted, and prints it once the validations ran: the numbers a release note quotes.
 */
final class ValidationSummary {
    private static final Map<String, List<String>> OBJECTS = new LinkedHashMap<>();
    private static final Map<String, List<String>> LINES = new LinkedHashMap<>();

    private ValidationSummary() {
    }

    static synchronized void objects(String target, RenderedManifests manifests) {
        OBJECTS.put(target, manifests.ids());
    }

    static synchronized void validator(String target, ValidationReport report) {
        LINES.computeIfAbsent(target, t -> new ArrayList<>())
                .add(report.validator() + ": " + report.passed().size() + "/" + report.objects() + " objects valid");
    }

    static synchronized void checkov(String target, Checkov.Report report) {
        List<String> lines = LINES.computeIfAbsent(target, t -> new ArrayList<>());
        lines.add("checkov (" + report.resources() + " resources checked): " + report.passed() + " passed, "
                + report.failed().size() + " failed, " + report.skipped().size() + " skipped");
        report.failed().forEach(finding -> lines.add("  failed: " + finding));
        report.skipped().forEach(finding -> lines.add("  " + finding));
    }

    static synchronized void note(String target, String line) {
        LINES.computeIfAbsent(target, t -> new ArrayList<>()).add(line);
    }

    static synchronized void print(String target) {
        StringBuilder out = new StringBuilder("\n=== Validation summary: ").append(target).append(" ===\n");
        List<String> objects = OBJECTS.getOrDefault(target, List.of());
        out.append(objects.size()).append(" objects:\n");
        objects.forEach(id -> out.append("  ").append(id).append('\n'));
        LINES.getOrDefault(target, List.of()).forEach(line -> out.append(line).append('\n'));
        System.out.print(out);
    }
}
