package dev.sluice.chaos;

import java.time.Duration;

/** The planned SIGSTOP: the earliest start (after the first submission) and how long the worker stays stopped. */
public record PausePlan(Duration startAfter, Duration duration) {
}
