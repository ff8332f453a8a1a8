package dev.sluice.bench.run;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Latencies recorded from many threads, read as percentiles in milliseconds (HdrHistogram, 3 digits). */
public final class Latencies {
    private static final long HIGHEST_NANOS = TimeUnit.MINUTES.toNanos(30);

    private final Histogram histogram = new ConcurrentHistogram(HIGHEST_NANOS, 3);

    public void record(long nanos) {
        histogram.recordValue(Math.max(0, Math.min(nanos, HIGHEST_NANOS)));
    }

    public long count() {
        return histogram.getTotalCount();
    }

    public double percentileMillis(double percentile) {
        return count() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1e6;
    }

    public double maxMillis() {
        return count() == 0 ? Double.NaN : histogram.getMaxValue() / 1e6;
    }

    /** "12.3" style, or "–" when nothing was recorded. */
    public static String millis(double value) {
        return Double.isNaN(value) ? "–" : String.format("%.1f", value);
    }
}
