package dev.sluice.reaper.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;

/**
 * Every line the commands print is built as a Jackson tree by hand, not by reflection: the output is
 * an interface for scripts and jq, so its shape is written down here rather than implied by fields.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** One line, no trailing newline. */
    public static String line(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }

    /** Parses stored JSON text (a job's input); falls back to the text itself. */
    public static JsonNode parseOrText(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return MAPPER.getNodeFactory().textNode(text);
        }
    }

    public static void putInstant(ObjectNode node, String field, Optional<Instant> instant) {
        if (instant.isPresent()) {
            node.put(field, instant.get().toString());
        } else {
            node.putNull(field);
        }
    }

    public static void putString(ObjectNode node, String field, Optional<String> value) {
        if (value.isPresent()) {
            node.put(field, value.get());
        } else {
            node.putNull(field);
        }
    }
}
