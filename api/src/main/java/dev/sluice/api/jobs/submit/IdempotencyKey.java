package dev.sluice.api.jobs.submit;

import dev.sluice.api.problem.Problem;
import dev.sluice.api.problem.ProblemException;
import dev.sluice.api.problem.ProblemType;
import java.util.List;
import java.util.Optional;

/**
 * A client-chosen key that makes a job submission safe to retry. 1..255 visible ASCII characters: the
 * key is stored inside a DynamoDB key and echoed in logs, where anything else causes trouble.
 */
public record IdempotencyKey(String value) {
    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        if (!isValid(value)) {
            throw new IllegalArgumentException("invalid idempotency key");
        }
    }

    /**
     * Every value the request carried for the header, as sent: {@code @HeaderParam} turns an empty value
     * into "no header", which let {@code Idempotency-Key:} (empty) through as a request without a key.
     * Several values are refused like an invalid one: which of them would count is anyone's guess.
     */
    public static Optional<IdempotencyKey> fromHeaders(List<String> values) {
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        return fromHeader(values.size() == 1 ? values.get(0) : "");
    }

    /** Absent header: no key. Present but invalid: 400, because silently ignoring it would lose the client's retry safety. */
    public static Optional<IdempotencyKey> fromHeader(String header) {
        if (header == null) {
            return Optional.empty();
        }
        if (!isValid(header)) {
            throw new ProblemException(Problem.of(ProblemType.INVALID_IDEMPOTENCY_KEY,
                    HEADER + " must be 1 to " + MAX_LENGTH + " visible ASCII characters"));
        }
        return Optional.of(new IdempotencyKey(header));
    }

    private static boolean isValid(String value) {
        return value != null && !value.isEmpty() && value.length() <= MAX_LENGTH
                && value.chars().allMatch(c -> c >= 0x21 && c <= 0x7E);
    }
}
