package dev.sluice.reaper.keys;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.auth.ApiKeys;
import dev.sluice.core.auth.Rotation;
import dev.sluice.reaper.cli.DurationConverter;
import dev.sluice.reaper.cli.ExitCodes;
import dev.sluice.reaper.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

@Command(name = "rotate", description = "Replaces a key: creates one with the same owner and scopes, prints it ONCE"
        + " like create (with \"replaces\": the old key's ID and new end), and makes the old key end after the"
        + " overlap (never later than it already did). Exit code 3 when there is no such key or secret, 1 when"
        + " the key is revoked.")
public class KeysRotateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<keyId>", description = "The key to replace (the part after slk_).")
    String keyId;

    @Option(names = "--overlap", paramLabel = "<duration>", defaultValue = "7d", converter = DurationConverter.class,
            description = "How long the old key stays valid beside the new one (e.g. 7d, 12h; default 7d).")
    Duration overlap;

    @Option(names = "--valid-days", paramLabel = "<days>",
            description = "Lifetime of the new key (default: the old key's notAfter - notBefore, or no end).")
    Integer validDays;

    @Option(names = "--secret", paramLabel = "<secretId>",
            description = "The key is in this Secrets Manager secret (name or ARN); the new one goes there too.")
    String secret;

    @Spec
    CommandSpec spec;

    private final ApiKeys keys;
    private final KeySecrets secrets;
    private final Clock clock;

    public KeysRotateCommand(ApiKeys keys, KeySecrets secrets, Clock clock) {
        this.keys = keys;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        if (validDays != null && validDays <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--valid-days must be positive");
        }
        Optional<Duration> validity = Optional.ofNullable(validDays).map(Duration::ofDays);
        Rotation rotation;
        try {
            rotation = secret == null ? keys.rotate(keyId, overlap, validity)
                    : secrets.store(secret).rotate(keyId, overlap, validity);
        } catch (ResourceNotFoundException e) {
            spec.commandLine().getErr().println(KeyOutput.missingSecret(secret, e));
            return ExitCodes.NOT_FOUND;
        }
        if (rotation instanceof Rotation.NotFound) {
            spec.commandLine().getErr().println("key " + keyId + " not found" + (secret == null ? "" : " in secret " + secret));
            return ExitCodes.NOT_FOUND;
        }
        if (rotation instanceof Rotation.Revoked) {
            spec.commandLine().getErr().println("key " + keyId + " is revoked: create a new key instead");
            return ExitCodes.ERROR;
        }
        Rotation.Rotated rotated = (Rotation.Rotated) rotation;
        Instant now = clock.instant();
        ObjectNode line = KeyOutput.created(rotated.replacement(), Optional.ofNullable(secret), now);
        ObjectNode replaces = line.putObject("replaces");
        replaces.put("keyId", rotated.previous().keyId());
        Json.putInstant(replaces, "notAfter", rotated.previous().notAfter());
        KeyOutput.print(spec, line);
        spec.commandLine().getErr().println("Key " + keyId + " stays valid until " + rotated.previous().notAfter().orElseThrow()
                + " (API pods may accept it up to sluice.api.key-cache-ttl longer).");
        return ExitCodes.OK;
    }
}
