package dev.sluice.api.contract;

import dev.sluice.localaws.ProjectRoot;
import dev.sluice.localaws.PythonVenv;
import dev.sluice.localaws.Requirements;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * schemathesis at the versions pinned in {@value #REQUIREMENTS}, installed on first use like moto's venv.
 *
 * <p>It gets a venv of its own: its pins (requests, urllib3, jsonschema, ...) overlap with moto's, and one
 * venv cannot hold both pin sets.
 */
final class SchemathesisVenv {
    static final String DIRECTORY = ".venv-schemathesis";
    static final String REQUIREMENTS = "api/src/test/schemathesis/requirements.txt";

    private static Path cli;

    private SchemathesisVenv() {
    }

    /** The {@code st} console script, installing the venv first when its pins changed or it is missing. */
    static synchronized Path cli() {
        if (cli == null) {
            Path root = ProjectRoot.fromWorkingDirectory()
                    .orElseThrow(() -> new IllegalStateException("No mvnw above " + System.getProperty("user.dir")));
            Requirements requirements;
            try {
                requirements = new Requirements(Files.readString(root.resolve(REQUIREMENTS), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path python = PythonVenv.at(root.resolve(DIRECTORY)).ensureInstalled(requirements);
            Path st = python.getParent().resolve(isWindows() ? "st.exe" : "st");
            if (!Files.isExecutable(st)) {
                throw new IllegalStateException(st + " is missing: is schemathesis in " + REQUIREMENTS + "?");
            }
            cli = st;
        }
        return cli;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    }
}
