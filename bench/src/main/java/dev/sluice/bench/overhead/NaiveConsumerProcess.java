package dev.sluice.bench.overhead;

import dev.sluice.bench.stack.BenchStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@link NaiveConsumer} as its own JVM, started like a worker: the same JVM options
 * ({@link BenchStack#JVM_OPTIONS}) and the same environment, on this JVM's class path.
 */
final class NaiveConsumerProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private NaiveConsumerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static NaiveConsumerProcess start(Map<String, String> environment, Path log, int waitSeconds,
                                      int visibilitySeconds) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(BenchStack.JVM_OPTIONS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(NaiveConsumer.class.getName());
        command.add(Integer.toString(waitSeconds));
        command.add(Integer.toString(visibilitySeconds));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            return new NaiveConsumerProcess(builder.start(), log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the naive consumer: " + e.getMessage(), e);
        }
    }

    /** Waits for the consumer's ready line in its log. */
    NaiveConsumerProcess awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("naive consumer exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (Files.exists(log) && Files.readString(log).contains(NaiveConsumer.READY)) {
                    return this;
                }
            } catch (IOException e) {
                // being written: look again
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("naive consumer not ready after " + timeout + "; see " + log);
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
