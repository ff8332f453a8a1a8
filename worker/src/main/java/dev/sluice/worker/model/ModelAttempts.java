package dev.sluice.worker.model;

import java.util.Optional;

/**
 * What the invocations of one task attempt went through, across in-process retries: when the
 * breaker opens in between, the task's own last failure is still known for its {@code lastError}.
 */
final class ModelAttempts {
    private volatile String lastFailure;

    void failed(String reason) {
        lastFailure = reason;
    }

    Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }
}
