package dev.sluice.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A small Terraform directory under src/test/resources/fixtures/ that proves a check can fail. It is
 * copied before use so no tool run leaves state (.terraform/, caches) in the source tree.
 */
final class Fixture {
    private Fixture() {
    }

    /** Copies fixtures/{name} into target (which must exist) and returns target. */
    static Path copy(String name, Path target) {
        URL url = Fixture.class.getResource("/fixtures/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name + " on the test class path");
        }
        try {
            Path source = Path.of(url.toURI());
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(source)) {
                paths = walk.toList();
            }
            for (Path path : paths) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
