package dev.sluice.modelsim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An invocation body, told apart by its content rather than by the endpoint name, so the workers
 * can name their endpoints freely.
 */
sealed interface ModelRequest {

    int DEFAULT_SIZE = 512;
    int MIN_SIZE = 8;
    int MAX_SIZE = 2048;

    /** {@code {"prompt":"...","width":512,"height":512}} */
    record ImageRequest(String prompt, int width, int height) implements ModelRequest {
    }

    /** {@code {"bucket":"...","videoKey":"uploads/..."}} */
    record VideoRequest(String bucket, String videoKey) implements ModelRequest {
    }

    /**
     * Thrown for a body that is not a request for any model: SageMaker answers ValidationError.
     */
    final class NotARequest extends Exception {
        NotARequest(String message) {
            super(message);
        }
    }

    /**
     * Thrown for a body addressed to a model but with inputs the model rejects: the container
     * answers 400, which SageMaker reports as a ModelError (permanent for the caller).
     */
    final class RejectedInput extends Exception {
        RejectedInput(String message) {
            super(message);
        }
    }

    static ModelRequest parse(String body) throws NotARequest, RejectedInput {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new NotARequest("Request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            throw new NotARequest("Request body must be a JSON object");
        }
        boolean image = json.has("prompt");
        boolean video = json.has("videoKey");
        if (image == video) {
            throw new NotARequest("Request body must have exactly one of \"prompt\" (image generation)"
                    + " or \"videoKey\" (video analysis)");
        }
        return image ? image(json) : video(json);
    }

    private static ImageRequest image(JsonNode json) throws RejectedInput {
        JsonNode prompt = json.get("prompt");
        if (!prompt.isTextual() || prompt.asText().isBlank()) {
            throw new RejectedInput("prompt must be a non-empty string");
        }
        return new ImageRequest(prompt.asText(), size(json, "width"), size(json, "height"));
    }

    private static int size(JsonNode json, String field) throws RejectedInput {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return DEFAULT_SIZE;
        }
        if (!node.isIntegralNumber() || node.asLong() < MIN_SIZE || node.asLong() > MAX_SIZE) {
            throw new RejectedInput(field + " must be an integer within " + MIN_SIZE + ".." + MAX_SIZE);
        }
        return node.asInt();
    }

    private static VideoRequest video(JsonNode json) throws RejectedInput {
        JsonNode key = json.get("videoKey");
        JsonNode bucket = json.get("bucket");
        if (!key.isTextual() || key.asText().isEmpty()) {
            throw new RejectedInput("videoKey must be a non-empty string");
        }
        if (bucket == null || !bucket.isTextual() || bucket.asText().isEmpty()) {
            throw new RejectedInput("bucket must be a non-empty string");
        }
        return new VideoRequest(bucket.asText(), key.asText());
    }
}
