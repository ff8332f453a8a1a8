package dev.sluice.core.keys;

import dev.sluice.core.job.TaskRef;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The S3 key scheme. Output keys are a pure function of the task, so every attempt of a task writes
 * the same key and a conditional put makes the write idempotent. Every key starts with the owner's
 * prefix so access can be scoped per owner.
 *
 * <pre>
 * uploads/{ownerId}/{uploadId}/{fileName}     client uploads (videos)
 * outputs/{ownerId}/{jobId}/{taskId}.{ext}    task results
 * </pre>
 */
public final class ObjectKeys {
    private static final Pattern SAFE_SEGMENT = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private ObjectKeys() {
    }

    public static String output(String ownerId, TaskRef task, String extension) {
        return outputPrefix(ownerId) + segment(task.jobId()) + "/" + segment(task.taskId()) + "." + segment(extension);
    }

    /** Everything of the owner's outputs starts with this. */
    public static String outputPrefix(String ownerId) {
        return "outputs/" + segment(ownerId) + "/";
    }

    public static String upload(String ownerId, String fileName) {
        return uploadPrefix(ownerId) + UUID.randomUUID() + "/" + segment(fileName);
    }

    public static String uploadPrefix(String ownerId) {
        return "uploads/" + segment(ownerId) + "/";
    }

    /** File extension for a model output content type. */
    public static String extensionFor(String contentType) {
        String base = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase();
        return switch (base) {
            case "image/png" -> "png";
            case "image/jpeg" -> "jpg";
            case "application/json" -> "json";
            default -> "bin";
        };
    }

    private static String segment(String value) {
        if (value == null || !SAFE_SEGMENT.matcher(value).matches() || value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException("not a safe key segment: " + value);
        }
        return value;
    }
}
