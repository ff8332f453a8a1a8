package dev.sluice.charts;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metrics docs/observability.md promises, read from its tables: the one list that dashboards,
 * alerts and the applications' tests are held to.
 */
public final class MetricCatalog {
    // A table row: | `name` | type | ...
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`(sluice_[a-z0-9_]+)`\\s*\\|\\s*([a-z]+)\\s*\\|");

    private final Map<String, String> types;

    private MetricCatalog(Map<String, String> types) {
        this.types = Collections.unmodifiableMap(types);
    }

    /** Reads every table row whose first cell is a back-quoted {@code sluice_} name. */
    public static MetricCatalog parse(String markdown) {
        Map<String, String> types = new TreeMap<>();
        for (String line : markdown.split("\\R")) {
            Matcher m = ROW.matcher(line.strip());
            if (m.find()) {
                types.put(m.group(1), m.group(2));
            }
        }
        return new MetricCatalog(types);
    }

    /** Metric name → type as written in the catalogue ({@code counter}, {@code gauge}, {@code histogram}). */
    public Map<String, String> types() {
        return types;
    }

    /**
     * Whether a series of this name exists: a catalogued name itself, or a histogram's
     * {@code _bucket}/{@code _count}/{@code _sum} series. A gauge's {@code _sum} does not exist.
     */
    public boolean exports(String seriesName) {
        if (types.containsKey(seriesName)) {
            return true;
        }
        String base = PromQlMetricNames.baseName(seriesName);
        return !base.equals(seriesName) && "histogram".equals(types.get(base));
    }
}
