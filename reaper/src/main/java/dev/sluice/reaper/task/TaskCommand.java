package dev.sluice.reaper.task;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "task", description = "Inspects tasks.", subcommands = TaskShowCommand.class)
public class TaskCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // A group without its subcommand is a usage error: picocli prints the usage and exits 2.
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: task show <jobId> [taskId]");
    }
}
