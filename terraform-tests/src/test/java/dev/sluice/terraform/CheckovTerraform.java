package dev.sluice.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.localaws.ExternalCommand;
import dev.sluice.localaws.ValidatorVenv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs checkov's Terraform checks over a directory tree, offline. Skips are only those the code
 * declares itself, as {@code #checkov:skip=CKV_AWS_27:reason} comments inside a resource block.
 */
final class CheckovTerraform {
    // One run covers every root and module; the first call may also install the validators' venv.
    private static final Duration TIMEOUT = Duration.ofMinutes(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckovTerraform() {
    }

    static CheckovReport scan(Path directory) {
        ExternalCommand.Result result = ExternalCommand.run(directory, TIMEOUT, List.of(
                ValidatorVenv.tool("checkov").toString(),
                "--directory", directory.toString(),
                "--framework", "terraform",
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
        // One framework gives an object. Without any resource a check applies to, checkov prints
        // only a bare summary, which the tests then see as zero checks.
        JsonNode report = root.isArray() ? root.path(0) : root;
        if (report.has("resource_count")) {
            return new CheckovReport(0, List.of(), List.of(), report.path("parsing_errors").asInt(), List.of());
        }
        if (!"terraform".equals(report.path("check_type").asText())) {
            throw new IllegalStateException("checkov printed no Terraform report: " + result);
        }
        JsonNode results = report.path("results");
        return new CheckovReport(
                report.path("summary").path("passed").asInt(),
                findings(results.path("failed_checks"), false),
                findings(results.path("skipped_checks"), true),
                report.path("summary").path("parsing_errors").asInt(),
                textValues(results.path("parsing_errors")));
    }

    private static List<String> textValues(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<CheckovReport.Finding> findings(JsonNode checks, boolean skipped) {
        List<CheckovReport.Finding> findings = new ArrayList<>();
        for (JsonNode check : checks) {
            findings.add(new CheckovReport.Finding(
                    check.path("check_id").asText(),
                    check.path("check_name").asText(),
                    check.path("resource").asText(),
                    check.path("file_path").asText() + ":" + check.path("file_line_range").path(0).asInt(),
                    skipped ? check.path("check_result").path("suppress_comment").asText("") : ""));
        }
        return findings;
    }
}
