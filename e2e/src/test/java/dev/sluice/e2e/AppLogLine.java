package dev.sluice.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.devstack.AppProcess;
import dev.sluice.devstack.logs.JsonLogFile;
import java.util.List;

/**
 * One line an app process logged: JSON in the packaged apps' prod profile ({@code timestamp},
 * {@code level}, {@code loggerName}, {@code message}, {@code mdc}), kept with its raw text.
 */
record AppLogLine(String app, String raw, JsonNode json) {
    private static final List<String> CONTEXT = List.of("invitationId", "jobId", "taskId", "workerId", "attempt",
            "fencingToken");

    /** Every JSON line of the process's log so far; other output (the JVM's own) is left out. */
    static List<AppLogLine> of(AppProcess app) {
        return JsonLogFile.at(app.log()).records().stream().map(json -> new AppLogLine(app.name(), json.toString(), json)).toList();
    }

    static String text(AppProcess app) {
        return JsonLogFile.at(app.log()).text();
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
