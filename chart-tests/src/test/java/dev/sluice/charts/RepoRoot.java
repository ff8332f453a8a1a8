package dev.sluice.charts;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root, found from wherever the tests run (the module, or the root with -f). */
final class RepoRoot {
    private static final Path ROOT = find();

    private RepoRoot() {
    }

    static Path path() {
        return ROOT;
    }

    static Path resolve(String relative) {
        return ROOT.resolve(relative);
    }

    private static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/observability.md")) && Files.isDirectory(dir.resolve("charts"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (docs/observability.md, charts/) above "
                + Path.of("").toAbsolutePath());
    }
}
