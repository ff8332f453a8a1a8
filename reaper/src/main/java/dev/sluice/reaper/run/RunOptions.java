package dev.sluice.reaper.run;

import java.time.Duration;
import java.util.Optional;

/**
 * Per-invocation choices that override configuration. {@code secondLook}: take the second look at
 * expired leases within this run after the delay, instead of at the next run.
 */
public record RunOptions(Optional<Duration> secondLook) {

    public static RunOptions defaults() {
        return new RunOptions(Optional.empty());
    }
}
