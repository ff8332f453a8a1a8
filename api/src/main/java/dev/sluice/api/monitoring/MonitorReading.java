package dev.sluice.api.monitoring;

import dev.sluice.core.reaper.ReaperRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One complete read by the {@link QueueMonitor}: what the gauges show until the next one. */
public record MonitorReading(Instant readAt, QueueDepth tasks, QueueDepth deadLetters,
                             Optional<Instant> oldestPendingSince, ReaperRecord reaper) {

    /** How long the oldest PENDING task had waited when this was read; zero when none waited. */
    public Duration oldestPendingAge() {
        return oldestPendingSince.map(since -> Duration.between(since, readAt))
                .filter(age -> !age.isNegative()).orElse(Duration.ZERO);
    }
}
