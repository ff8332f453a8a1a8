package dev.sluice.reaper.dlq;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "dlq", description = "Inspects and redrives the dead-letter queue.",
        subcommands = {DlqListCommand.class, DlqRedriveCommand.class})
public class DlqCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: dlq list | dlq redrive");
    }
}
