package dev.sluice.worker.metrics;

import java.time.Duration;

/**
 * Histogram bucket bounds. Explicit rather than Micrometer's percentile histogram (about 70 buckets
 * per series): these cover the ranges Sluice's tasks really span with a dozen buckets each.
 */
final class Buckets {
    /** Queue waits and task durations: from a fast image to a long video. */
    static final Duration[] TASK = seconds(0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600);
    /** One model invocation, in-process retries included. */
    static final Duration[] MODEL = seconds(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600);

    private Buckets() {
    }

    private static Duration[] seconds(double... bounds) {
        Duration[] durations = new Duration[bounds.length];
        for (int i = 0; i < bounds.length; i++) {
            durations[i] = Duration.ofNanos((long) (bounds[i] * 1_000_000_000L));
        }
        return durations;
    }
}
