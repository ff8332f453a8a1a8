package dev.sluice.worker.config;

import java.time.Duration;

/** Durations as people write them in configuration ("2h", "1h30m", "12s", "500ms"), for messages. */
public final class DurationText {
    private DurationText() {
    }

    public static String of(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        if (d.isNegative()) {
            return "-" + of(d.negated());
        }
        StringBuilder text = new StringBuilder();
        append(text, d.toDaysPart(), "d");
        append(text, d.toHoursPart(), "h");
        append(text, d.toMinutesPart(), "m");
        append(text, d.toSecondsPart(), "s");
        append(text, d.toMillisPart(), "ms");
        return text.length() == 0 ? d.toNanos() + "ns" : text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(amount).append(unit);
        }
    }
}
