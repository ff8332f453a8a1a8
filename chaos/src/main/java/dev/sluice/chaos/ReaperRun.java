package dev.sluice.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of the packaged reaper ({@code java -jar quarkus-run.jar run}), with the same environment as
 * the workers, as the CronJob would run it. The reaper prints one JSON summary line on stdout and logs
 * on stderr (JSON lines too, in the prod profile), so the two go to separate files and the summary is
 * read from stdout only. A reaper that prints none (crashed) gives a null summary.
 *
 * @param summary the last line of its stdout that parses as a JSON object, or null
 */
public record ReaperRun(int pass, int exitCode, long millis, JsonNode summary, Path log) {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    public static ReaperRun run(int pass, Path jar, Map<String, String> environment, Path log) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build the reaper first");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(WorkerFleet.JVM_OPTIONS);
        command.addAll(List.of("-jar", jar.toString(), "run"));
        Path out = stdoutOf(log);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectOutput(ProcessBuilder.Redirect.to(out.toFile()));
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        try {
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return new ReaperRun(pass, -1, elapsedMillis(start), null, log);
            }
            return new ReaperRun(pass, process.exitValue(), elapsedMillis(start), summary(out), log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run the reaper: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the reaper ran", e);
        }
    }

    /** {@code reaper-1.log} → {@code reaper-1.out.json}, beside it. */
    static Path stdoutOf(Path log) {
        String name = log.getFileName().toString();
        return log.resolveSibling(name.replaceFirst("\\.log$", "") + ".out.json");
    }

    private static JsonNode summary(Path out) throws IOException {
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i).trim();
            if (line.startsWith("{") && line.endsWith("}")) {
                try {
                    JsonNode node = Json.MAPPER.readTree(line);
                    if (node.isObject()) {
                        return node;
                    }
                } catch (IOException notJson) {
                    // a log line in braces: keep looking
                }
            }
        }
        return null;
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
