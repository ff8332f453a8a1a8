package dev.sluice.api.problem;

/** One reason a request was rejected; {@code field} is a dotted path into the body, e.g. {@code input.width}. */
public record FieldError(String field, String message) {
}
