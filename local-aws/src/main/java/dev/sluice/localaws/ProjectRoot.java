package dev.sluice.localaws;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The directory holding the Maven wrapper. Tests run with {@code user.dir} set to their own
 * module, so anything meant to be shared by all modules (the Python virtualenv) is anchored
 * here instead.
 */
public final class ProjectRoot {

    private static final String MARKER = "mvnw";

    private ProjectRoot() {
    }

    public static Optional<Path> find(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(MARKER))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    public static Optional<Path> fromWorkingDirectory() {
        return find(Path.of(System.getProperty("user.dir")));
    }
}
