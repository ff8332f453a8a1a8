package dev.sluice.charts;

import dev.sluice.localaws.PythonVenv;
import dev.sluice.localaws.Requirements;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Python validators (kubernetes-validate, checkov) at the versions pinned in
 * chart-tests/requirements.txt, installed on first use.
 *
 * <p>They get a venv of their own: checkov pins older releases of packages that moto's venv also
 * holds, and one venv cannot hold both pin sets.
 */
final class ValidatorVenv {
    static final String DIRECTORY = ".venv-validators";
    static final String REQUIREMENTS = "chart-tests/requirements.txt";

    private static Path bin;

    private ValidatorVenv() {
    }

    /** The installed console script of that name, e.g. {@code checkov}. */
    static synchronized Path tool(String name) {
        if (bin == null) {
            Requirements requirements;
            try {
                requirements = new Requirements(Files.readString(RepoRoot.resolve(REQUIREMENTS), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path python = PythonVenv.at(RepoRoot.resolve(DIRECTORY)).ensureInstalled(requirements);
            bin = python.getParent();
        }
        Path tool = bin.resolve(name);
        if (!Files.isExecutable(tool)) {
            throw new IllegalStateException(tool + " is missing: is it installed by " + REQUIREMENTS + "?");
        }
        return tool;
    }
}
