package dev.sluice.core.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One fixed window of a request rate limit, {@code [start, start + length)}. Windows are aligned to
 * the epoch, so every replica computes the same window for the same instant without talking to the
 * others (clocks kept by NTP are close enough for second-sized windows).
 */
public record RequestWindow(Instant start, Duration length) {

    public RequestWindow {
        Objects.requireNonNull(start, "start");
        requireWholeSeconds(length);
    }

    /** The window {@code instant} falls in. */
    public static RequestWindow containing(Instant instant, Duration length) {
        long seconds = requireWholeSeconds(length);
        long start = Math.floorDiv(instant.getEpochSecond(), seconds) * seconds;
        return new RequestWindow(Instant.ofEpochSecond(start), length);
    }

    public Instant end() {
        return start.plus(length);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end());
    }

    /**
     * Whole seconds from {@code now} until the window ends, rounded up and at least 1: a client told
     * to wait this long never comes back inside the same window.
     */
    public long secondsLeft(Instant now) {
        long millis = Duration.between(now, end()).toMillis();
        return Math.max(1, Math.floorDiv(millis + 999, 1000));
    }

    private static long requireWholeSeconds(Duration length) {
        Objects.requireNonNull(length, "length");
        if (length.toSeconds() < 1 || length.toNanosPart() != 0) {
            throw new IllegalArgumentException("a rate window is a whole number of seconds, at least 1: " + length);
        }
        return length.toSeconds();
    }
}
