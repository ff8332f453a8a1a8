package dev.sluice.localaws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Python validators (kubernetes-validate, checkov) at the versions pinned in
 * tools/validators/requirements.txt, installed on first use into {@code .venv-validators} at the
 * project root; the chart checks and the Terraform checks share them.
 *
 * <p>They get a venv of their own: checkov pins older releases of packages that moto's venv also
 * holds, and one venv cannot hold both pin sets.
 */
public final class ValidatorVenv {
    static final String DIRECTORY = ".venv-validators";
    static final String REQUIREMENTS = "tools/validators/requirements.txt";

    private static Path bin;

    private ValidatorVenv() {
    }

    /** The installed console script of that name, e.g. {@code checkov}. */
    public static Path tool(String name) {
        Path tool = bin().resolve(name);
        if (!Files.isExecutable(tool)) {
            throw new IllegalStateException(tool + " is missing: is it installed by " + REQUIREMENTS + "?");
        }
        return tool;
    }

    /** The venv's interpreter, for scripts that import the validators' libraries (hcl2). */
    public static Path python() {
        return bin().resolve("python");
    }

    private static synchronized Path bin() {
        if (bin == null) {
            Path root = ProjectRoot.fromWorkingDirectory()
                    .orElseThrow(() -> new IllegalStateException("no project root (mvnw) above " + System.getProperty("user.dir")));
            Requirements requirements;
            try {
                requirements = new Requirements(Files.readString(root.resolve(REQUIREMENTS), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bin = PythonVenv.at(root.resolve(DIRECTORY)).ensureInstalled(requirements).getParent();
        }
        return bin;
    }
}
