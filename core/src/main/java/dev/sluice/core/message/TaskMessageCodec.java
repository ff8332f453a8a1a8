package dev.sluice.core.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.job.JobType;
import java.time.Instant;

/**
 * JSON form of {@link TaskMessage}: {@code {"v":1,"jobId":..,"taskId":..,"type":"image-generation",
 * "ownerId":..,"enqueuedAt":"2026-..Z"}}. Written by hand rather than by reflection so the wire
 * format is explicit and native images need no reflection configuration.
 */
public final class TaskMessageCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TaskMessageCodec() {
    }

    public static String encode(TaskMessage message) {
        ObjectNode node = JSON.createObjectNode();
        node.put("v", message.version());
        node.put("jobId", message.jobId());
        node.put("taskId", message.taskId());
        node.put("type", message.type().wireName());
        node.put("ownerId", message.ownerId());
        node.put("enqueuedAt", message.enqueuedAt().toString());
        return node.toString();
    }

    public static TaskMessage decode(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            int version = node.path("v").asInt(-1);
            if (version != TaskMessage.CURRENT_VERSION) {
                throw new IllegalArgumentException("unsupported envelope version " + node.path("v"));
            }
            String type = text(node, "type");
            return new TaskMessage(
                    version,
                    text(node, "jobId"),
                    text(node, "taskId"),
                    JobType.fromWireName(type).orElseThrow(() -> new IllegalArgumentException("unknown type " + type)),
                    text(node, "ownerId"),
                    Instant.parse(text(node, "enqueuedAt")));
        } catch (Exception e) {
            throw new MalformedMessageException("not a task message: " + abbreviate(body), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value.asText();
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "null";
        }
        return body.length() <= 200 ? body : body.substring(0, 200) + "...";
    }
}
