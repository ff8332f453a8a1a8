package dev.sluice.charts;

import dev.sluice.localaws.ExternalCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Validates KEDA and prometheus-operator objects against their CRD schemas with
 * src/test/node/validate-crds.mjs: always against the schemas the pinned @kubernetes-models packages
 * ship, and against upstream CRD files when an optional sibling directory holds them.
 */
final class CrdValidate {
    static final String NODE_PROJECT = "chart-tests/src/test/node";
    /** An optional sibling directory of the checkout with upstream CRD YAMLs (keda/, prometheus-operator/). */
    static final String UPSTREAM_CRDS = "../shared/crds";

    // A cold npm ci downloads about 30 packages.
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);
    private static final String MARKER = "node_modules/.sluice-package-lock.sha256";

    private static boolean installed;

    private CrdValidate() {
    }

    /** Validates against the schemas shipped by the npm packages. */
    static ValidationReport validate(RenderedManifests objects, Path file) {
        return run("CRD schemas (@kubernetes-models)", objects, file, List.of());
    }

    /** Validates against the upstream CRD files, which also reject unknown fields. */
    static ValidationReport validateAgainstUpstream(RenderedManifests objects, Path file, Path crdDirectory) {
        return run("CRD schemas (" + crdDirectory.getFileName() + ")", objects, file,
                List.of("--crd-dir", crdDirectory.toString()));
    }

    static Optional<Path> upstreamCrds() {
        Path dir = RepoRoot.resolve(UPSTREAM_CRDS).normalize();
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    private static ValidationReport run(String validator, RenderedManifests objects, Path file, List<String> options) {
        if (objects.isEmpty()) {
            return new ValidationReport(validator, 0, List.of(), List.of("no objects to validate"));
        }
        objects.writeTo(file);
        Path project = nodeProject();
        List<String> command = new ArrayList<>(List.of("node", "validate-crds.mjs"));
        command.addAll(options);
        command.add(file.toString());
        ExternalCommand.Result result = ExternalCommand.run(project, RUN_TIMEOUT, command);
        List<String> passed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String line : result.stdout().lines().toList()) {
            if (line.startsWith("PASS ")) {
                passed.add(line.substring("PASS ".length()));
            } else if (line.startsWith("FAIL ")) {
                problems.add(line.substring("FAIL ".length()));
            }
        }
        if (result.exitCode() != 0 && problems.isEmpty()) {
            problems.add("exit code " + result.exitCode() + ": " + result);
        }
        if (passed.size() != objects.size() && problems.isEmpty()) {
            problems.add(passed.size() + " objects passed, but " + objects.size() + " were given: " + objects.ids());
        }
        return new ValidationReport(validator, objects.size(), passed, problems);
    }

    /** Runs npm ci when package-lock.json changed since the last install (or there was none). */
    private static synchronized Path nodeProject() {
        Path project = RepoRoot.resolve(NODE_PROJECT);
        if (installed) {
            return project;
        }
        try {
            String lockSha = sha256(Files.readString(project.resolve("package-lock.json"), StandardCharsets.UTF_8));
            Path marker = project.resolve(MARKER);
            if (!Files.isRegularFile(marker) || !Files.readString(marker, StandardCharsets.UTF_8).strip().equals(lockSha)) {
                ExternalCommand.Result result = ExternalCommand.run(project, INSTALL_TIMEOUT,
                        List.of(npm(), "ci", "--no-audit", "--no-fund"));
                if (result.exitCode() != 0) {
                    throw new IllegalStateException("npm ci in " + NODE_PROJECT + " failed: " + result);
                }
                // Written last: an interrupted install is redone next time.
                Files.writeString(marker, lockSha + "\n", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        installed = true;
        return project;
    }

    private static String npm() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows") ? "npm.cmd" : "npm";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JRE", e);
        }
    }
}
