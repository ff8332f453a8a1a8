package dev.sluice.api.jobs.submit;

import dev.sluice.api.problem.Problem;
import dev.sluice.api.problem.ProblemException;
import dev.sluice.api.problem.ProblemType;
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
