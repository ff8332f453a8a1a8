package dev.sluice.bench;

import dev.sluice.bench.run.BenchRun;
import dev.sluice.bench.run.Scenario;
import dev.sluice.bench.run.ScenarioReport;
import dev.sluice.bench.run.Scenarios;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ./bench.sh <scenario> [--quick] [--logs DIR]}: runs one benchmark scenario (or {@code all})
 * against the local stack and prints its results to stdout as Markdown tables; progress goes to stderr.
 * Exit 0 when every scenario ran, 1 when one failed, 2 on bad arguments.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) {
        int status = 3;
        try {
            status = run(args, System.out, System.err);
        } finally {
            // Emulator and client threads outlive a scenario that died of an Error: exit regardless.
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> names = new ArrayList<>();
        boolean quick = false;
        Path logs = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--logs" -> {
                    if (i + 1 == args.length) {
                        return usage(err, "--logs needs a directory");
                    }
                    logs = Path.of(args[++i]);
                }
                case "-h", "--help" -> {
                    usage(out, null);
                    return 0;
                }
                default -> {
                    if (args[i].startsWith("-")) {
                        return usage(err, "unknown option " + args[i]);
                    }
                    names.add(args[i]);
                }
            }
        }
        if (names.size() != 1) {
            return usage(err, names.isEmpty() ? "name a scenario" : "name one scenario, got " + names);
        }
        List<Scenario> selected = names.get(0).equals("all") ? Scenarios.all()
                : Scenarios.find(names.get(0)).map(List::of).orElse(List.of());
        if (selected.isEmpty()) {
            return usage(err, "unknown scenario '" + names.get(0) + "'");
        }
        Path root = Path.of("").toAbsolutePath();
        Path runLogs = Optional.ofNullable(logs).orElseGet(() -> root.resolve(".local/bench/run-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        int status = 0;
        for (Scenario scenario : selected) {
            err.printf("bench: %s%s, logs in %s%n", scenario.name(), quick ? " (quick)" : "", runLogs);
            try {
                Files.createDirectories(runLogs.resolve(scenario.name()));
                BenchRun run = new BenchRun(quick, root, runLogs.resolve(scenario.name()), err);
                ScenarioReport report = scenario.run(run);
                report.print(out);
            } catch (Exception | LinkageError e) {
                err.printf("bench: %s failed: %s%n", scenario.name(), e);
                status = 1;
            }
        }
        return status;
    }

    private static int usage(PrintStream stream, String problem) {
        if (problem != null) {
            stream.println("bench: " + problem);
        }
        stream.println("usage: ./bench.sh <scenario|all> [--quick] [--logs DIR]");
        stream.println("scenarios:");
        for (Scenario scenario : Scenarios.all()) {
            stream.printf("  %-12s %s%n", scenario.name(), scenario.description());
        }
        return problem == null ? 0 : 2;
    }
}
