package dev.sluice.chaos;

import java.time.Duration;

/** One planned outage: which endpoints go away, when (after the first submission) and for how long. */
public record OutagePlan(OutageTarget target, Duration startAfter, Duration duration) {
}
