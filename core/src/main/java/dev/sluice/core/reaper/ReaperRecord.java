package dev.sluice.core.reaper;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the reaper keeps about its runs, so that something long-running can export it: the reaper is a
 * CronJob that exits after each run, and nothing could scrape it.
 *
 * @param actionTotals what all runs did together, by action (see {@link ReaperAction})
 */
public record ReaperRecord(Optional<Instant> lastRunAt, Optional<Instant> lastSuccessAt, Optional<Duration> lastDuration,
                           Map<ReaperAction, Long> actionTotals) {

    public ReaperRecord {
        actionTotals = Map.copyOf(actionTotals);
    }

    public static ReaperRecord none() {
        return new ReaperRecord(Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
    }
}
