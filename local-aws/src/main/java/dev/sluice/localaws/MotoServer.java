package dev.sluice.localaws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * moto server (DynamoDB, S3, SNS, Secrets Manager, KMS, ... on one port) as a child process.
 *
 * <p>State lives in the process: {@link #stop()} followed by {@link #start()} is an outage that
 * also loses every table, bucket and key, as a real region would not. The port stays the same,
 * so clients configured before the outage reconnect unchanged.
 */
public final class MotoServer implements AutoCloseable {

    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);

    // Same as `python -m moto.server ARGS`, with two changes:
    // - a watchdog thread: when the JVM dies, even by SIGKILL, the OS closes the child's stdin and
    //   the watchdog ends the server, so no orphan keeps running and holding its port;
    // - requests are served one at a time. moto handles each request on its own thread without
    //   locking items, so two concurrent conditional UpdateItems on one item can both succeed (seen
    //   with moto 5.2.5). DynamoDB applies conditional writes atomically, and the lease protocol
    //   depends on it, so the emulator must too.
    private static final String LAUNCHER = String.join("\n",
            "import os, sys, threading",
            "def _exit_when_parent_dies():",
            "    sys.stdin.buffer.read()",
            "    os._exit(0)",
            "threading.Thread(target=_exit_when_parent_dies, daemon=True).start()",
            "import moto.server",
            "from werkzeug.serving import run_simple",
            "_lock = threading.Lock()",
            "class _OneAtATime:",
            "    def __init__(self, app):",
            "        self.app = app",
            "    def __call__(self, environ, start_response):",
            "        with _lock:",
            "            return list(self.app(environ, start_response))",
            "moto.server.run_simple = lambda host, port, app, **kw: run_simple(host, port, _OneAtATime(app), **kw)",
            "moto.server.main(sys.argv[1:])");
    private static final String READINESS_PATH = "/moto-api/";
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final int TAIL_LINES = 30;
    // Only a port this class picked may be swapped when another process grabs it first.
    private static final int PORT_ATTEMPTS = 3;

    private final Path python;
    private final Path logDirectory;
    private final Duration startTimeout;
    private final boolean portChosenHere;
    private int port;
    private boolean startedOnce;
    private Process process;

    /**
     * @param python       interpreter of a venv with moto installed, see {@link PythonVenv}
     * @param port         the port to bind on 127.0.0.1, or 0 for a free one (kept across restarts)
     * @param logDirectory receives {@code moto-PORT.log}, appended to across restarts
     */
    public MotoServer(Path python, int port, Path logDirectory) {
        this(python, port, logDirectory, DEFAULT_START_TIMEOUT);
    }

    public MotoServer(Path python, int port, Path logDirectory, Duration startTimeout) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port);
        }
        this.python = Objects.requireNonNull(python, "python");
        this.logDirectory = Objects.requireNonNull(logDirectory, "logDirectory");
        this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
        this.portChosenHere = port == 0;
        this.port = port == 0 ? LocalPorts.free() : port;
    }

    /** Starts the server and returns once it answers HTTP. A no-op while it is running. */
    public synchronized MotoServer start() {
        if (isRunning()) {
            return this;
        }
        for (int attempt = 1; ; attempt++) {
            boolean mayMove = portChosenHere && !startedOnce && attempt < PORT_ATTEMPTS;
            if (!LocalPorts.isFree(port)) {
                if (mayMove) {
                    port = LocalPorts.free();
                    continue;
                }
                throw new LocalAwsException("Cannot start moto server: port " + port + " on 127.0.0.1 is in use");
            }
            process = launch();
            if (awaitReady()) {
                startedOnce = true;
                return this;
            }
            boolean exited = !process.isAlive();
            destroy(process);
            process = null;
            if (!(exited && mayMove)) {
                throw new LocalAwsException("moto server on port " + port
                        + (exited ? " exited during start-up" : " did not answer within " + startTimeout)
                        + " (log: " + logFile() + "):\n" + LogTail.of(logFile(), TAIL_LINES));
            }
            // The process died after the port check: most likely another process took the
            // port in between. A fresh port is fine as nobody knows this one yet.
            port = LocalPorts.free();
        }
    }

    /** Stops the server and its children, and returns when they are gone and the port is free. */
    public synchronized void stop() {
        if (process != null) {
            destroy(process);
            process = null;
        }
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public synchronized int port() {
        return port;
    }

    public synchronized URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public synchronized Path logFile() {
        return logDirectory.resolve("moto-" + port + ".log");
    }

    @Override
    public void close() {
        stop();
    }

    private Process launch() {
        try {
            Files.createDirectories(logDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create log directory " + logDirectory, e);
        }
        ProcessBuilder builder = new ProcessBuilder(List.of(python.toString(), "-c", LAUNCHER,
                "-H", "127.0.0.1", "-p", Integer.toString(port)))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
        // Unbuffered, so the log is complete when a start-up failure quotes its tail.
        builder.environment().put("PYTHONUNBUFFERED", "1");
        // moto builds URLs it hands out (SQS queue URLs, SNS links) from this port.
        builder.environment().put("MOTO_PORT", Integer.toString(port));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new LocalAwsException("Cannot run " + python + " for moto server: " + e.getMessage()
                    + " (is the venv installed? see PythonVenv.ensureInstalled)", e);
        }
    }

    private boolean awaitReady() {
        URI probe = endpoint().resolve(READINESS_PATH);
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            // Checked after the probe too: if the answer came from a stranger that took the port,
            // this process has usually died of "address in use" by the time the answer arrives.
            if (HttpReadiness.answers(probe) && process.isAlive()) {
                return true;
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static void destroy(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
            for (ProcessHandle child : descendants) {
                if (child.isAlive()) {
                    child.destroyForcibly();
                }
                child.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // A child that outlives the grace period is left to the OS: nothing better to do.
        } finally {
            closeQuietly(process);
        }
    }

    private static void closeQuietly(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // The pipe is already gone with the process.
        }
    }

    @Override
    public String toString() {
        return "MotoServer[" + endpoint() + (isRunning() ? ", running" : ", stopped") + "]";
    }
}
