package dev.sluice.charts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs tools/promtool.sh from the repository root, which installs promtool on first use. */
final class Promtool {
    // The first call may download and unpack the Debian package.
    private static final long TIMEOUT_MINUTES = 5;

    record Result(int exitCode, String output) {
        @Override
        public String toString() {
            return "exit code " + exitCode + ", output:\n" + output;
        }
    }

    private Promtool() {
    }

    static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "tools/promtool.sh"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(RepoRoot.path().toFile())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        // Read before waiting: a full pipe would block promtool.
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Result(-1, output + "\n(timed out after " + TIMEOUT_MINUTES + " min)");
        }
        return new Result(process.exitValue(), output);
    }
}
