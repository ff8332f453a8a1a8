package dev.sluice.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private copy of the packaged apps ({@code <module>/target/quarkus-app}) taken when the run starts. A
 * run restarts workers for many minutes; a rebuild of the checkout meanwhile (another terminal, an IDE)
 * deletes and rewrites {@code target/}, and a replacement worker would then start from a missing or a
 * different build. Every process of one run starts from the same snapshot; it is deleted at the end.
 */
public final class AppSnapshot implements AutoCloseable {
    private static final int ATTEMPTS = 5;

    private final Path directory;

    private AppSnapshot(Path directory) {
        this.directory = directory;
    }

    /** Copies {@code modules}' quarkus-app directories from {@code root} into {@code directory}. */
    public static AppSnapshot take(Path root, Path directory, String... modules) {
        for (String module : modules) {
            Path source = root.resolve(module).resolve("target/quarkus-app");
            Path target = directory.resolve(module);
            copyWithRetries(source, target);
        }
        return new AppSnapshot(directory);
    }

    public Path jar(String module) {
        return directory.resolve(module).resolve("quarkus-run.jar");
    }

    @Override
    public void close() {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Left behind under the run's log directory; harmless.
        }
    }

    /** A build running right now may be rewriting the source: try again after it had time to finish. */
    private static void copyWithRetries(Path source, Path target) {
        for (int attempt = 1; ; attempt++) {
            try {
                if (!Files.isRegularFile(source.resolve("quarkus-run.jar"))) {
                    throw new IOException(source.resolve("quarkus-run.jar")
                            + " does not exist: build the project first (./mvnw package -DskipTests)");
                }
                copyTree(source, target);
                return;
            } catch (IOException | UncheckedIOException e) {
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("cannot snapshot " + source + ": " + e.getMessage(), e);
                }
                sleep(5_000);
            }
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, target.resolve(source.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
