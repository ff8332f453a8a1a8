package dev.sluice.charts;

import dev.sluice.localaws.ValidatorVenv;
import dev.sluice.localaws.ExternalCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates built-in Kubernetes objects against the API's OpenAPI schemas, offline, with the
 * kubernetes-validate package (which ships the schemas), in strict mode: unknown fields fail.
 */
final class KubernetesValidate {
    /** The newest version the pinned kubernetes-validate ships schemas for. */
    static final String KUBERNETES_VERSION = "1.37.0";

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private KubernetesValidate() {
    }

    /** Writes the objects to {@code file} and validates them in one run. */
    static ValidationReport validate(RenderedManifests objects, Path file) {
        if (objects.isEmpty()) {
            return new ValidationReport("kubernetes-validate", 0, List.of(), List.of("no objects to validate"));
        }
        objects.writeTo(file);
        ExternalCommand.Result result = ExternalCommand.run(file.getParent(), TIMEOUT, List.of(
                ValidatorVenv.tool("kubernetes-validate").toString(),
                "--kubernetes-version", KUBERNETES_VERSION, "--strict", file.toString()));
        List<String> passed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String prefix = file.toString() + " ";
        for (String line : result.stdout().lines().toList()) {
            String text = line.replace(prefix, "");
            if (line.startsWith("INFO ") && line.contains(" passed for resource ")) {
                passed.add(text.substring(text.indexOf(" passed for resource ") + " passed for resource ".length()));
            } else if (!line.isBlank()) {
                // ERROR (schema violation), WARN (no schema for the kind: unchecked is not passed), FATAL.
                problems.add(text);
            }
        }
        if (!result.stderr().isBlank()) {
            problems.add("stderr: " + result.stderr().strip());
        }
        if (result.exitCode() != 0 && problems.isEmpty()) {
            problems.add("exit code " + result.exitCode() + " without a message");
        }
        if (passed.size() != objects.size() && problems.isEmpty()) {
            problems.add(passed.size() + " objects passed, but " + objects.size() + " were given: " + objects.ids());
        }
        return new ValidationReport("kubernetes-validate " + KUBERNETES_VERSION + " strict", objects.size(), passed, problems);
    }
}
