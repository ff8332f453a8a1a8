package dev.sluice.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @Test
    void keepsOnlyLastLinesOfLongLog(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("server.log");
        Files.writeString(log, IntStream.rangeClosed(1, 100_000).mapToObj(i -> "line " + i)
                .collect(Collectors.joining("\n", "", "\n")));

        assertThat(LogTail.of(log, 3)).isEqualTo("line 99998\nline 99999\nline 100000");
    }

    @Test
    void shortensHugeLines(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("pip.log");
        Files.writeString(log, "ERROR: " + "1.0, ".repeat(1_000) + "\n");

        assertThat(LogTail.of(log, 5)).hasSizeLessThan(600).endsWith("[...]");
    }

    @Test
    void saysWhenThereIsNoLog(@TempDir Path dir) {
        assertThat(LogTail.of(dir.resolve("missing.log"), 5)).contains("no log at");
    }
}
