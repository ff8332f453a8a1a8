package dev.sluice.api.jobs.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.api.problem.FieldError;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * Field checks shared by the validators. Each check records its own error and returns empty, so a
 * validator can run every check and report all problems in one answer.
 */
public final class JsonFields {
    private JsonFields() {
    }

    /** Unknown fields are errors, not ignored: a typo such as {@code "widht"} must not silently fall back to a default. */
    public static void rejectUnknown(ObjectNode node, Set<String> known, String path, List<FieldError> errors) {
        Set<String> unknown = new TreeSet<>();
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                unknown.add(name);
            }
        });
        unknown.forEach(name -> errors.add(new FieldError(join(path, name), "is not a known field")));
    }

    public static Optional<String> requiredString(ObjectNode node, String name, String path, List<FieldError> errors) {
        JsonNode value = node.get(name);
        String field = join(path, name);
        if (value == null || value.isNull()) {
            errors.add(new FieldError(field, "is required"));
            return Optional.empty();
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(field, "must be a string, not " + describe(value)));
            return Optional.empty();
        }
        return Optional.of(value.textValue());
    }

    /** An integer if present; absent means "use the default". JSON {@code 512.0} is not an integer. */
    public static OptionalInt optionalInt(ObjectNode node, String name, String path, List<FieldError> errors) {
        JsonNode value = node.get(name);
        if (value == null) {
            return OptionalInt.empty();
        }
        String field = join(path, name);
        if (!value.isIntegralNumber()) {
            errors.add(new FieldError(field, "must be an integer, not " + describe(value)));
            return OptionalInt.empty();
        }
        if (!value.canConvertToInt()) {
            errors.add(new FieldError(field, "is out of range"));
            return OptionalInt.empty();
        }
        return OptionalInt.of(value.intValue());
    }

    public static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> value.isIntegralNumber() ? "an integer" : "a decimal number";
            case BOOLEAN -> "a boolean";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case NULL -> "null";
            default -> "a " + value.getNodeType().name().toLowerCase();
        };
    }

    public static String join(String path, String name) {
        return path == null || path.isEmpty() ? name : path + "." + name;
    }
}
