package dev.sluice.chaos;

import dev.sluice.localaws.ProjectRoot;
import java.nio.file.Path;

/** {@code ./chaos.sh}: parses the command line, runs one chaos run, prints its final line, exits with its verdict. */
public final class ChaosMain {
    private ChaosMain() {
    }

    public static void main(String[] args) {
        ChaosOptions options;
        try {
            options = ChaosOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("chaos: " + e.getMessage());
            System.err.println(ChaosOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(ChaosOptions.USAGE);
            return;
        }
        if (options.dryRun()) {
            System.out.println(ScenarioPlan.of(Scenario.from(options)));
            return;
        }
        Path root = ProjectRoot.fromWorkingDirectory().orElse(null);
        if (root == null) {
            System.err.println("chaos: run from inside the Sluice checkout (the directory with mvnw)");
            System.exit(3);
            return;
        }
        Harness harness = new Harness(options, root, System.err);
        // Ctrl-C or SIGTERM must not leave worker processes (possibly SIGSTOPped) or moto behind.
        Runtime.getRuntime().addShutdownHook(new Thread(harness::abort, "chaos-abort"));
        FinalReport report = harness.run();
        System.out.println(report.line());
        System.out.flush();
        // halt, not exit: ElasticMQ's actor system and the SDK's threads must not hold the verdict up.
        Runtime.getRuntime().halt(report.exitCode());
    }
}
