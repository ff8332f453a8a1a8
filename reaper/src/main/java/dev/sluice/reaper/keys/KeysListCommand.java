package dev.sluice.reaper.keys;

import dev.sluice.core.auth.ApiKey;
import dev.sluice.core.auth.ApiKeys;
import dev.sluice.reaper.cli.ExitCodes;
import dev.sluice.reaper.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "list", description = "Prints an owner's keys, newest first, one JSON line each: keyId, scopes,"
        + " validity, revoked. Never a key or its hash.")
public class KeysListCommand implements Callable<Integer> {

    @Option(names = "--owner", required = true, paramLabel = "<ownerId>", description = "Whose keys.")
    String owner;

    @Spec
    CommandSpec spec;

    private final ApiKeys keys;
    private final Clock clock;

    public KeysListCommand(ApiKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        Instant now = clock.instant();
        List<ApiKey> found = keys.listByOwner(owner);
        found.forEach(key -> spec.commandLine().getOut().println(Json.line(KeyJson.of(key, now))));
        spec.commandLine().getErr().println(found.size() + " key(s)");
        return ExitCodes.OK;
    }
}
