package dev.sluice.reaper.cli;

import dev.sluice.reaper.dlq.DlqCommand;
import dev.sluice.reaper.keys.KeysCommand;
import dev.sluice.reaper.task.TaskCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

// INHERIT: --help and --version work on every subcommand too.
@Command(name = "reaper", version = "sluice-reaper",
        mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        description = "Sluice maintenance and incident tooling. Without a command: run.",
        subcommands = {RunCommand.class, DlqCommand.class, TaskCommand.class, KeysCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 done, 1 failed (see the JSON errors), 2 bad arguments, 3 not found.",
                "Configuration: SLUICE_* variables and AWS_ENDPOINT_URL_*; see docs/runbook.md."})
public class ReaperCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // Only reached with options but no command (plain invocation is turned into `run` earlier).
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }
}
