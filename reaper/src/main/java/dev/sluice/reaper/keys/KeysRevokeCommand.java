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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

@Command(name = "revoke", description = "Revokes a key and prints its record. API pods cache key lookups, so"
        + " it stops working within sluice.api.key-cache-ttl (30 s). Exit code 3 when there is no such key or secret.")
public class KeysRevokeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<keyId>", description = "The key's ID (the part after slk_).")
    String keyId;

    @Option(names = "--secret", paramLabel = "<secretId>", description = "The key is in this Secrets Manager secret.")
    String secret;

    @Spec
    CommandSpec spec;

    private final ApiKeys keys;
    private final KeySecrets secrets;
    private final Clock clock;

    public KeysRevokeCommand(ApiKeys keys, KeySecrets secrets, Clock clock) {
        this.keys = keys;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        Optional<ApiKey> revoked;
        try {
            revoked = secret == null ? keys.revoke(keyId) : secrets.store(secret).revoke(keyId);
        } catch (ResourceNotFoundException e) {
            spec.commandLine().getErr().println(KeyOutput.missingSecret(secret, e));
            return ExitCodes.NOT_FOUND;
        }
        if (revoked.isEmpty()) {
            spec.commandLine().getErr().println("key " + keyId + " not found" + (secret == null ? "" : " in secret " + secret));
            return ExitCodes.NOT_FOUND;
        }
        spec.commandLine().getOut().println(Json.line(KeyJson.of(revoked.get(), clock.instant())));
        return ExitCodes.OK;
    }
}
