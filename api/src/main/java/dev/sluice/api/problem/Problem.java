package dev.sluice.api.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An RFC 9457 problem before it is rendered: the request path ({@code instance}) is only known when
 * the response is written. {@code extensions} become extra members (e.g. {@code jobId}); {@code headers}
 * travel with the answer (e.g. {@code Retry-After}).
 */
public record Problem(ProblemType type, String detail, List<FieldError> errors, Map<String, String> extensions,
                      Map<String, String> headers) {

    public Problem {
        Objects.requireNonNull(type, "type");
        errors = List.copyOf(errors);
        extensions = Map.copyOf(extensions);
        headers = Map.copyOf(headers);
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type, detail, List.of(), Map.of(), Map.of());
    }

    public static Problem invalid(List<FieldError> errors) {
        return new Problem(ProblemType.VALIDATION_FAILED,
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid",
                errors, Map.of(), Map.of());
    }

    public Problem withExtension(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(extensions);
        more.put(name, value);
        return new Problem(type, detail, errors, more, headers);
    }

    public Problem withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Problem(type, detail, errors, extensions, more);
    }

    public Problem retryAfter(int seconds) {
        return withHeader("Retry-After", Integer.toString(seconds));
    }
}
