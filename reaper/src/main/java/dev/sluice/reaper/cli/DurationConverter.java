package dev.sluice.reaper.cli;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;

/** Durations on the command line as in configuration: {@code 45s}, {@code 5m}, {@code PT1M}. */
public class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        Duration duration = io.quarkus.runtime.configuration.DurationConverter.parseDuration(value);
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException("not a duration: " + value);
        }
        return duration;
    }
}
