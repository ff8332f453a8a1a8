package dev.sluice.reaper.cli;

import jakarta.inject.Singleton;
import java.io.PrintWriter;
import org.jboss.logging.Logger;
import picocli.CommandLine;

/**
 * Parses and runs one command line. Commands print to the given writers, never to System.out, so
 * tests see exactly what an operator sees; logs go to stderr and stdout carries only JSON.
 */
@Singleton
public class Cli {
    private static final Logger LOG = Logger.getLogger(Cli.class);

    private final CommandLine.IFactory factory;

    public Cli(CommandLine.IFactory factory) {
        this.factory = factory;
    }

    public int execute(PrintWriter out, PrintWriter err, String... args) {
        String[] effective = args.length == 0 ? new String[] {"run"} : args;
        CommandLine commandLine = new CommandLine(ReaperCommand.class, factory)
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(Cli::failed);
        int code = commandLine.execute(effective);
        out.flush();
        err.flush();
        return code;
    }

    /** An operator gets one line saying what failed; the stack trace goes to the log. */
    private static int failed(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
        LOG.debug("command failed", e);
        StringBuilder message = new StringBuilder("error: ").append(e);
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            message.append("\n  caused by: ").append(cause);
        }
        commandLine.getErr().println(message);
        return ExitCodes.ERROR;
    }
}
