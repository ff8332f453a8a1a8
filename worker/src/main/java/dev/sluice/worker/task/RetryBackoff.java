package dev.sluice.worker.task;

import dev.sluice.worker.config.WorkerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random. The fixed half keeps
 * a minimum pause for a struggling model; the random half spreads retries of tasks that failed together.
 */
@ApplicationScoped
public class RetryBackoff {
    private final Duration base;
    private final Duration max;

    @Inject
    public RetryBackoff(WorkerConfig config) {
        this(config.worker().backoff().base(), config.worker().backoff().max());
    }

    RetryBackoff(Duration base, Duration max) {
        this.base = base;
        this.max = max;
    }

    /** Delay after the given (1-based) failed attempt. */
    public Duration after(int attempt) {
        int exponent = Math.max(0, Math.min(attempt - 1, 30));
        long ceiling = Math.min(max.toMillis(), base.toMillis() * (1L << exponent));
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
    }
}
