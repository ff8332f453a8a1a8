package dev.sluice.reaper.keys;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "keys", description = "Manages API keys (docs/runbook.md#api-keys).",
        subcommands = {KeysCreateCommand.class, KeysListCommand.class, KeysRotateCommand.class, KeysRevokeCommand.class})
public class KeysCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: keys create|list|rotate|revoke");
    }
}
