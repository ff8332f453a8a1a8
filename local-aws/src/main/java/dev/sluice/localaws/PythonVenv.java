package dev.sluice.localaws;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A project-local Python virtualenv holding a pinned set of packages (moto server).
 *
 * <p>Python is the only thing developers and CI must bring: the packages come from PyPI on first
 * use and are reused afterwards, so a build needs neither Docker nor a global pip install.
 */
public final class PythonVenv {

    /** System property naming the venv directory; wins over {@link #LOCATION_ENV}. */
    public static final String LOCATION_PROPERTY = "sluice.venv";
    public static final String LOCATION_ENV = "SLUICE_VENV";
    /** The interpreter that creates the venv; {@code python3} on the PATH by default. */
    public static final String PYTHON_ENV = "SLUICE_PYTHON";

    private static final String DEFAULT_DIRECTORY = ".venv";
    private static final String MARKER = "sluice-requirements.sha256";
    private static final String REQUIREMENTS_COPY = "sluice-requirements.txt";
    private static final String INSTALL_LOG = "sluice-install.log";
    private static final Duration CREATE_TIMEOUT = Duration.ofMinutes(3);
    // A cold install downloads ~60 wheels; slow mirrors need the margin.
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(15);
    private static final int TAIL_LINES = 40;
    // FileChannel.lock is per process: threads of one JVM must queue before they reach it,
    // or the second one gets OverlappingFileLockException instead of waiting.
    private static final Object JVM_LOCK = new Object();

    private final Path directory;

    private PythonVenv(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    public static PythonVenv at(Path directory) {
        return new PythonVenv(Objects.requireNonNull(directory, "directory"));
    }

    /**
     * {@code sluice.venv}, else {@code SLUICE_VENV}, else {@code .venv} in the project root (the
     * directory with {@code mvnw}, so every module shares one venv), else in {@code user.dir}.
     */
    public static PythonVenv atDefaultLocation() {
        String configured = System.getProperty(LOCATION_PROPERTY, System.getenv(LOCATION_ENV));
        if (configured != null && !configured.isBlank()) {
            return at(Path.of(configured));
        }
        Path base = ProjectRoot.fromWorkingDirectory().orElse(Path.of(System.getProperty("user.dir")));
        return at(base.resolve(DEFAULT_DIRECTORY));
    }

    public Path directory() {
        return directory;
    }

    public Path python() {
        return isWindows() ? directory.resolve("Scripts").resolve("python.exe") : directory.resolve("bin").resolve("python");
    }

    /** Where the output of the last venv creation and pip install went. */
    public Path installLog() {
        return directory.resolve(INSTALL_LOG);
    }

    /**
     * Makes sure the venv exists with exactly these requirements installed and returns its
     * interpreter. Cheap when already done; safe to call from concurrent JVMs (parallel module
     * builds), which wait for one another instead of installing over each other.
     */
    public Path ensureInstalled(Requirements requirements) {
        String sha = requirements.sha256();
        if (isInstalled(sha)) {
            return python();
        }
        synchronized (JVM_LOCK) {
            Path lockFile = directory.resolveSibling(directory.getFileName() + ".lock");
            try {
                Files.createDirectories(directory.getParent());
                try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = channel.lock()) {
                    // Another JVM may have finished the job while this one waited.
                    if (!isInstalled(sha)) {
                        install(requirements, sha);
                    }
                }
            } catch (IOException e) {
                throw new LocalAwsException("Cannot prepare the Python virtualenv at " + directory + ": " + e, e);
            }
        }
        return python();
    }

    private boolean isInstalled(String sha) {
        Path marker = directory.resolve(MARKER);
        try {
            return Files.isExecutable(python())
                    && Files.isRegularFile(marker)
                    && Files.readString(marker, StandardCharsets.UTF_8).trim().equals(sha);
        } catch (IOException e) {
            return false;
        }
    }

    private void install(Requirements requirements, String sha) throws IOException {
        // The marker goes first and comes back last, so an interrupted install is redone.
        Files.deleteIfExists(directory.resolve(MARKER));
        String creation = Files.isExecutable(python()) ? "" : createVenv();
        Files.createDirectories(directory);
        Files.writeString(installLog(), creation, StandardCharsets.UTF_8);
        Path requirementsCopy = directory.resolve(REQUIREMENTS_COPY);
        Files.writeString(requirementsCopy, requirements.text(), StandardCharsets.UTF_8);
        // Installing over an existing venv (instead of deleting it) keeps a moto server that
        // another JVM runs from it alive; pins make the result the same for everything pinned.
        List<String> pip = List.of(python().toString(), "-m", "pip", "install",
                "--disable-pip-version-check", "--no-input", "-r", requirementsCopy.toString());
        ProcessBuilder builder = new ProcessBuilder(pip)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(installLog().toFile()));
        int exit = run(builder, INSTALL_TIMEOUT, "pip install");
        if (exit != 0) {
            throw new LocalAwsException("pip install into " + directory + " failed with exit code " + exit
                    + " (full log: " + installLog() + "):\n" + LogTail.of(installLog(), TAIL_LINES));
        }
        Files.writeString(directory.resolve(MARKER), sha + "\n", StandardCharsets.UTF_8);
    }

    /** Returns the creation output: small, and the log cannot live in a directory being (re)made. */
    private String createVenv() throws IOException {
        String basePython = Objects.requireNonNullElse(System.getenv(PYTHON_ENV), "python3");
        List<String> command = new ArrayList<>(List.of(basePython, "-m", "venv"));
        if (Files.exists(directory)) {
            // Present but without a working interpreter: a broken venv, e.g. after a Python upgrade.
            command.add("--clear");
        }
        command.add(directory.toString());
        Path output = Files.createTempFile("sluice-venv", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            int exit;
            try {
                exit = run(builder, CREATE_TIMEOUT, "python -m venv");
            } catch (LocalAwsException e) {
                if (e.getCause() instanceof IOException) {
                    throw new LocalAwsException("Cannot run '" + basePython + "' to create the virtualenv for moto: "
                            + "install Python 3.11 or newer (on Debian/Ubuntu: apt-get install python3 python3-venv) "
                            + "or set " + PYTHON_ENV + " to a Python 3 interpreter", e.getCause());
                }
                throw e;
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (exit != 0) {
                throw new LocalAwsException("'" + String.join(" ", command) + "' failed with exit code " + exit
                        + " (on Debian/Ubuntu the venv module is the python3-venv package):\n" + text.strip());
            }
            return text;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static int run(ProcessBuilder builder, Duration timeout, String what) {
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new LocalAwsException("Cannot start " + what + ": " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new LocalAwsException(what + " did not finish within " + timeout);
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new LocalAwsException(what + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new LocalAwsException("Interrupted while waiting for " + what);
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    }

    @Override
    public String toString() {
        return "PythonVenv[" + directory + "]";
    }
}
