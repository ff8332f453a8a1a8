package dev.sluice.bench.run;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * One scenario's run settings: {@code quick} shrinks every size to a smoke run (the build's test phase
 * and {@code --quick}); {@code root} is the checkout, whose packaged apps the scenario starts;
 * {@code logs} takes the scenario's process logs; {@code progress} is stderr.
 */
public record BenchRun(boolean quick, Path root, Path logs, PrintStream progress) {

    /** The quarkus-run.jar of {@code module} (api, worker), built by {@code ./mvnw package}. */
    public Path appJar(String module) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public void say(String format, Object... args) {
        progress.println("bench: " + String.format(format, args));
    }
}
