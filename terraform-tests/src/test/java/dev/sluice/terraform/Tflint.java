package dev.sluice.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.localaws.ExternalCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs tflint (through tools/tflint.sh, which builds the pinned version on first use) over every
 * directory below one, with only the bundled terraform ruleset: nothing needs `tflint --init`.
 */
final class Tflint {
    // The first call on a fresh machine builds tflint from source: about a minute, more on a busy machine.
    private static final Duration TIMEOUT = Duration.ofMinutes(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ANSI_COLOUR = Pattern.compile("\u001b\\[[0-9;]*m");

    record Issue(String rule, String severity, String message, String file, int line) {
        @Override
        public String toString() {
            return file + ":" + line + " " + rule + " (" + severity + "): " + message;
        }
    }

    record Report(List<Issue> issues, List<String> errors) {
        boolean clean() {
            return issues.isEmpty() && errors.isEmpty();
        }

        @Override
        public String toString() {
            return "tflint: " + issues.size() + " issues, " + errors.size() + " errors"
                    + (issues.isEmpty() ? "" : "\n  " + String.join("\n  ", issues.stream().map(Issue::toString).toList()))
                    + (errors.isEmpty() ? "" : "\n  " + String.join("\n  ", errors));
        }
    }

    private Tflint() {
    }

    /** Lints every directory below {@code directory} (roots and modules alike) with terraform/.tflint.hcl. */
    static Report lint(Path directory) {
        ExternalCommand.Result result = ExternalCommand.run(directory, TIMEOUT, List.of(
                "bash", TerraformDir.root().resolve("tools/tflint.sh").toString(),
                "--recursive",
                // Given explicitly: otherwise each directory of a recursive run reads its own
                // .tflint.hcl, and a ~/.tflint.hcl or TFLINT_CONFIG_FILE on a machine would apply.
                "--config", TerraformDir.terraform().resolve(".tflint.hcl").toString(),
                "--format", "json",
                "--no-color"));
        // 0: no issues, 2: issues found, 1: tflint could not inspect (the errors are in the JSON too).
        JsonNode root;
        try {
            root = JSON.readTree(result.stdout());
        } catch (IOException e) {
            throw new UncheckedIOException("tflint printed no JSON: " + result, e);
        }
        if (root == null || !root.has("issues") || !root.has("errors")) {
            throw new IllegalStateException("tflint printed no report: " + result);
        }
        List<Issue> issues = new ArrayList<>();
        for (JsonNode issue : root.path("issues")) {
            JsonNode range = issue.path("range");
            issues.add(new Issue(issue.path("rule").path("name").asText(), issue.path("rule").path("severity").asText(),
                    issue.path("message").asText(), range.path("filename").asText(), range.path("start").path("line").asInt()));
        }
        List<String> errors = new ArrayList<>();
        for (JsonNode error : root.path("errors")) {
            // A recursive run's worker colours its message even with --no-color.
            String message = ANSI_COLOUR.matcher(error.path("message").asText()).replaceAll("").strip();
            errors.add(error.path("severity").asText() + ": " + message);
        }
        if (result.exitCode() == 1 && errors.isEmpty()) {
            throw new IllegalStateException("tflint failed without reporting an error: " + result);
        }
        return new Report(issues, errors);
    }
}
