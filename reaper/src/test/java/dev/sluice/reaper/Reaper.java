package dev.sluice.reaper;

import dev.sluice.reaper.cli.Cli;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs commands the way the main does, capturing what an operator would see. */
@ApplicationScoped
public class Reaper {
    private final Cli cli;

    public Reaper(Cli cli) {
        this.cli = cli;
    }

    public CommandResult execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = cli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new CommandResult(code, out.toString(), err.toString());
    }
}
