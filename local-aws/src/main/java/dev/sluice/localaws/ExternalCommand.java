package dev.sluice.localaws;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Runs a validator's command line and captures what it printed, with a time limit. */
public final class ExternalCommand {

    public record Result(List<String> command, int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return String.join(" ", command) + " -> exit code " + exitCode
                    + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
        }
    }

    private ExternalCommand() {
    }

    public static Result run(Path directory, Duration timeout, List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(directory.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
            // Both streams are drained while the process runs, each on its own thread (the common
            // pool may have a single worker on a small machine): a full pipe would block the process.
            CompletableFuture<String> stdout = drainInBackground(process.getInputStream());
            CompletableFuture<String> stderr = drainInBackground(process.getErrorStream());
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
            }
            return new Result(command, process.exitValue(), stdout.get(), stderr.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the output of " + String.join(" ", command), e.getCause());
        }
    }

    private static CompletableFuture<String> drainInBackground(InputStream in) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                text.complete(drain(in));
            } catch (RuntimeException e) {
                text.completeExceptionally(e);
            }
        }, "drain");
        thread.setDaemon(true);
        thread.start();
        return text;
    }

    private static String drain(InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
