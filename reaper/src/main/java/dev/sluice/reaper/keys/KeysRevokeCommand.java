package dev.sluice.reaper.keys;

import dev.sluice.core.auth.ApiKey;
import dev.sluice.core.auth.ApiKeys;
import dev.sluice.reaper.cli.ExitCodes;
import dev.sluice.reaper.json.Json;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "revoke", description = "Revokes a key and prints its record. API pods cache key lookups, so"
        + " it stops working within sluice.api.key-cache-ttl (30 s). Exit code 3 when there is no such key.")
public class KeysRevokeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<keyId>", description = "The key's ID (the part after slk_).")
    String keyId;

    @Spec
    CommandSpec spec;

    private final ApiKeys keys;
    private final Clock clock;

    public KeysRevokeCommand(ApiKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        Optional<ApiKey> revoked = keys.revoke(keyId);
        if (revoked.isEmpty()) {
            spec.commandLine().getErr().println("key " + keyId + " not found");
            return ExitCodes.NOT_FOUND;
        }
        spec.commandLine().getOut().println(Json.line(KeyJson.of(revoked.get(), clock.instant())));
        return ExitCodes.OK;
    }
}
