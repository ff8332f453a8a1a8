package dev.sluice.reaper;

import dev.sluice.reaper.cli.Cli;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The reaper's entry point: one command, then exit with its code. Run without arguments by the
 * Kubernetes CronJob (that is {@code run}); operators run the other commands by hand.
 */
@QuarkusMain
public class ReaperMain implements QuarkusApplication {
    private final Cli cli;

    public ReaperMain(Cli cli) {
        this.cli = cli;
    }

    @Override
    public int run(String... args) {
        return cli.execute(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), args);
    }
}
