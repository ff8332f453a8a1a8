package dev.sluice.localaws;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How {@link LocalAws} starts its servers. Ports are 0 (free ones) for tests; the local runner
 * passes fixed ones so endpoints survive its own restarts.
 */
public record LocalAwsConfig(int sqsPort, int motoPort, Path logDirectory, PythonVenv venv) {

    public LocalAwsConfig {
        Objects.requireNonNull(logDirectory, "logDirectory");
        Objects.requireNonNull(venv, "venv");
    }

    /** Free ports, logs in {@code target/local-aws} under {@code user.dir}, the default venv. */
    public static LocalAwsConfig defaults() {
        return new LocalAwsConfig(0, 0, defaultLogDirectory(), PythonVenv.atDefaultLocation());
    }

    public static Path defaultLogDirectory() {
        return Path.of(System.getProperty("user.dir"), "target", "local-aws");
    }

    public LocalAwsConfig withSqsPort(int port) {
        return new LocalAwsConfig(port, motoPort, logDirectory, venv);
    }

    public LocalAwsConfig withMotoPort(int port) {
        return new LocalAwsConfig(sqsPort, port, logDirectory, venv);
    }

    public LocalAwsConfig withLogDirectory(Path directory) {
        return new LocalAwsConfig(sqsPort, motoPort, directory, venv);
    }

    public LocalAwsConfig withVenv(PythonVenv pythonVenv) {
        return new LocalAwsConfig(sqsPort, motoPort, logDirectory, pythonVenv);
    }
}
