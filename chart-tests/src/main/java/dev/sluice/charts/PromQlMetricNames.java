package dev.sluice.charts;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Sluice metric names a PromQL expression refers to. Deliberately not a PromQL parser: Sluice's
 * names all start with {@code sluice_}, so a pattern finds them, once string literals are blanked out
 * (a label value such as {@code job="sluice_api"} is not a metric).
 */
public final class PromQlMetricNames {
    /** Series suffixes a Prometheus histogram adds to its base name. */
    public static final Set<String> HISTOGRAM_SUFFIXES = Set.of("_bucket", "_count", "_sum");

    // The lookbehind keeps "my_sluice_x" from yielding "sluice_x"; ':' belongs to recording rule names.
    private static final Pattern NAME = Pattern.compile("(?<![A-Za-z0-9_:])sluice_[a-z0-9_]+");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");

    private PromQlMetricNames() {
    }

    /** Series names exactly as written, e.g. {@code sluice_api_requests_seconds_bucket}. */
    public static SortedSet<String> seriesNames(String promQl) {
        Matcher m = NAME.matcher(STRING_LITERAL.matcher(promQl).replaceAll("\"\""));
        SortedSet<String> names = new TreeSet<>();
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    /** Metric names: series names with a histogram suffix reduced to the histogram's base name. */
    public static SortedSet<String> metricNames(String promQl) {
        SortedSet<String> names = new TreeSet<>();
        for (String series : seriesNames(promQl)) {
            names.add(baseName(series));
        }
        return names;
    }

    /** {@code x_bucket}, {@code x_count}, {@code x_sum} → {@code x}; anything else unchanged. */
    public static String baseName(String series) {
        for (String suffix : HISTOGRAM_SUFFIXES) {
            if (series.endsWith(suffix)) {
                return series.substring(0, series.length() - suffix.length());
            }
        }
        return series;
    }
}
