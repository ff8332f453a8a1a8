package dev.sluice.localaws;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a log file, for error messages that show why a server failed. */
public final class LogTail {

    // Server logs are appended across restarts and grow with every request: read only the end.
    private static final int MAX_BYTES = 64 * 1024;
    // pip prints every available version on one line when a pin is not found.
    private static final int MAX_LINE = 500;

    private LogTail() {
    }

    public static String of(Path file, int lines) {
        if (!Files.exists(file)) {
            return "(no log at " + file + ")";
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            ByteBuffer end = ByteBuffer.allocate((int) Math.min(size, MAX_BYTES));
            channel.position(size - end.capacity());
            while (end.hasRemaining() && channel.read(end) >= 0) {
                // Read until the buffer is full: a channel may return fewer bytes per call.
            }
            List<String> all = new String(end.array(), 0, end.position(), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()).stream()
                    .map(line -> line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + " [...]" : line)
                    .toList());
        } catch (IOException e) {
            return "(log " + file + " unreadable: " + e.getMessage() + ")";
        }
    }
}
