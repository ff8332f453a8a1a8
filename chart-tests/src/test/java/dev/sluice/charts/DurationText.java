package dev.sluice.charts;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a duration the way Quarkus configuration does, so a value the chart puts in an env var is
 * understood as the application will understand it: a bare number is seconds, a number with ms, s,
 * m, h or d is that unit, other text starting with a digit is ISO-8601 without its PT (1h30m, 1.5s),
 * the rest is ISO-8601 (PT30S).
 */
final class DurationText {
    private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ms|s|m|h|d)?");

    private DurationText() {
    }

    static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration");
        }
        String value = text.strip();
        Matcher simple = SIMPLE.matcher(value.toLowerCase(Locale.ROOT));
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            String unit = simple.group(2) == null ? "s" : simple.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> throw new IllegalStateException(unit);
            };
        }
        String iso = Character.isDigit(value.charAt(0)) ? "PT" + value : value;
        try {
            return Duration.parse(iso.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a Quarkus duration: '" + text + "'", e);
        }
    }
}
