package dev.sluice.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * When the next SIGKILL comes and whom it hits. Intervals are the mean with +-50% jitter, so kills do
 * not fall into step with heartbeats or the poll loop; both draws come from the scenario's seed. Used
 * by one thread only.
 */
public final class KillSchedule {
    private final Duration mean;
    private final Random random;

    public KillSchedule(Duration mean, long seed) {
        this.mean = mean;
        this.random = new Random(seed);
    }

    public boolean enabled() {
        return !mean.isZero();
    }

    public Duration mean() {
        return mean;
    }

    public Duration nextDelay() {
        return Duration.ofMillis(Math.round(mean.toMillis() * (0.5 + random.nextDouble())));
    }

    /** One of {@code candidates}, which must not be empty. */
    public <T> T victim(List<T> candidates) {
        return candidates.get(random.nextInt(candidates.size()));
    }
}
