package dev.sluice.reaper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** What one command printed and returned. */
public record CommandResult(int exitCode, String out, String err) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** stdout, which must be exactly one JSON line. */
    public JsonNode json() {
        List<JsonNode> lines = jsonLines();
        if (lines.size() != 1) {
            throw new AssertionError("expected one JSON line on stdout, got " + lines.size() + ":\n" + out
                    + "\nstderr:\n" + err);
        }
        return lines.get(0);
    }

    public List<JsonNode> jsonLines() {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                lines.add(JSON.readTree(line));
            } catch (Exception e) {
                throw new AssertionError("not a JSON line on stdout: " + line, e);
            }
        }
        return lines;
    }

    /** A count in a run summary's step. */
    public long step(String step, String count) {
        return json().path("steps").path(step).path(count).asLong(-1);
    }
}
