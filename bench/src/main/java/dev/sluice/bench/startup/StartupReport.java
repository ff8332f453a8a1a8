package dev.sluice.bench.startup;

import dev.sluice.bench.run.ScenarioReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

/** One row per app and JVM flags: medians over the starts, with the range of the time to ready. */
final class StartupReport {
    private StartupReport() {
    }

    static ScenarioReport build(List<StartupSample> samples, int loadTasks) {
        ScenarioReport report = new ScenarioReport("startup: time to ready and resident memory");
        ScenarioReport.Table table = report.table("", "app", "JVM flags", "starts", "time to ready, ms (median; min–max)",
                "Quarkus \"started in\", ms (median)", "RSS at ready, MiB (median)",
                "RSS after " + loadTasks + " tasks, MiB (median)");
        Map<String, List<StartupSample>> groups = new LinkedHashMap<>();
        for (StartupSample s : samples) {
            groups.computeIfAbsent(s.app() + "\u0000" + s.flags().label(), k -> new ArrayList<>()).add(s);
        }
        for (List<StartupSample> group : groups.values()) {
            StartupSample first = group.get(0);
            double[] ready = values(group, StartupSample::readyMillis);
            double[] startedIn = group.stream().map(StartupSample::startedInMillis).filter(OptionalDouble::isPresent)
                    .mapToDouble(OptionalDouble::getAsDouble).sorted().toArray();
            table.row(first.app(), first.flags().label(), group.size(),
                    String.format("%.0f (%.0f–%.0f)", median(ready), ready[0], ready[ready.length - 1]),
                    startedIn.length == 0 ? "–" : String.format("%.0f", median(startedIn)),
                    String.format("%.0f", median(values(group, StartupSample::rssReadyMiB))),
                    String.format("%.0f", median(values(group, StartupSample::rssLoadedMiB))));
        }
        return report;
    }

    private static double[] values(List<StartupSample> group, ToDoubleFunction<StartupSample> f) {
        return group.stream().mapToDouble(f).sorted().toArray();
    }

    /** Of sorted values; the mean of the middle two for an even count. */
    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static String machine() {
        long memTotalMiB = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memTotalMiB = Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
                }
            }
        } catch (IOException e) {
            // left unknown
        }
        return String.format("%d CPUs, %d MiB RAM, Java %s (%s)", Runtime.getRuntime().availableProcessors(),
                memTotalMiB, System.getProperty("java.version"), System.getProperty("java.vm.name"));
    }
}
