package dev.sluice.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.devstack.AppProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * One line an app process logged: JSON in the packaged apps' prod profile ({@code timestamp},
 * {@code level}, {@code loggerName}, {@code message}, {@code mdc}), kept with its raw text.
 */
record AppLogLine(String app, String raw, JsonNode json) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CONTEXT = List.of("invitationId", "jobId", "taskId", "workerId", "attempt",
            "fencingToken");

    /** Every JSON line of the process's log so far; other output (the JVM's own) is left out. */
    static List<AppLogLine> of(AppProcess app) {
        List<AppLogLine> lines = new ArrayList<>();
        for (String line : text(app).split("\n")) {
            if (line.startsWith("{")) {
                try {
                    lines.add(new AppLogLine(app.name(), line, JSON.readTree(line)));
                } catch (IOException e) {
                    // The last line may be half written.
                }
            }
        }
        return lines;
    }

    static String text(AppProcess app) {
        try {
            return Files.readString(app.log(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String message() {
        return json.path("message").asText();
    }

    String mdc(String key) {
        return json.path("mdc").path(key).asText("");
    }

    /** For a human: app, time, level, logger, message and the context fields that are set. */
    String describe() {
        StringBuilder context = new StringBuilder();
        for (String key : CONTEXT) {
            if (!mdc(key).isEmpty()) {
                context.append(context.isEmpty() ? "" : " ").append(key).append('=').append(mdc(key));
            }
        }
        return String.format("%-8s %s %-5s %s: %s [%s]", app, json.path("timestamp").asText(), json.path("level").asText(),
                json.path("loggerName").asText(), message(), context);
    }
}
