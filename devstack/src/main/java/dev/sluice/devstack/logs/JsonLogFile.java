package dev.sluice.devstack.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The JSON log file an app's test profile writes ({@code quarkus.log.file.*} in its application.properties:
 * {@code target/test-logs/sluice-<app>.json.log}), read back by tests that check what gets logged.
 */
public final class JsonLogFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;

    private JsonLogFile(Path path) {
        this.path = path;
    }

    /** The test log of app {@code app} ({@code api}, {@code worker}, {@code reaper}), relative to the module. */
    public static JsonLogFile of(String app) {
        return new JsonLogFile(Path.of("target/test-logs/sluice-" + app + ".json.log"));
    }

    /** Any app's JSON log, e.g. a launched process's ({@code AppProcess.log()}). */
    public static JsonLogFile at(Path path) {
        return new JsonLogFile(path);
    }

    /** The file and its rotated predecessors: a Quarkus start (another test run's too) rotates it. */
    public String text() {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(path.getParent())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(path.getFileName().toString()))
                    .sorted().toList()) {
                try {
                    text.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
                } catch (NoSuchFileException e) {
                    // Rotated away between listing and reading: its successor is read too.
                }
            }
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    public List<JsonNode> records() {
        List<JsonNode> records = new ArrayList<>();
        for (String line : text().split("\n")) {
            if (line.startsWith("{")) {
                try {
                    records.add(JSON.readTree(line));
                } catch (IOException e) {
                    // The last line may be half written; the next read sees it whole.
                }
            }
        }
        return records;
    }

    /** The first record that matches, waiting up to 10 s for the handler to write it. */
    public JsonNode await(Predicate<JsonNode> matching) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            Optional<JsonNode> found = records().stream().filter(matching).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no such record in " + path.toAbsolutePath());
            }
            Thread.sleep(50);
        }
    }

    public static Predicate<JsonNode> messageContains(String text) {
        return record -> record.path("message").asText().contains(text);
    }
}
