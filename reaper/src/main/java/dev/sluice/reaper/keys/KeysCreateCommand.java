package dev.sluice.reaper.keys;

import dev.sluice.core.auth.ApiKeys;
import dev.sluice.core.auth.CreatedKey;
import dev.sluice.reaper.cli.ExitCodes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

@Command(name = "create", description =
        "Creates an API key and prints it ONCE as a JSON line (keyId, key, scopes, validity). Only its"
        + " SHA-256 is stored, in the job table or with --secret in a Secrets Manager secret: a lost key"
        + " cannot be shown again, create another. Exit code 3 when the secret does not exist.")
public class KeysCreateCommand implements Callable<Integer> {

    @Option(names = "--owner", required = true, paramLabel = "<ownerId>", description = "The owner the key acts as.")
    String owner;

    @Option(names = "--scopes", required = true, split = ",", paramLabel = "<scope>",
            description = "Comma-separated: jobs:read, jobs:write, admin (implies both).")
    List<String> scopes;

    @Option(names = "--valid-days", paramLabel = "<days>", description = "Expires this many days after it becomes valid (default: never).")
    Integer validDays;

    @Option(names = "--not-before", paramLabel = "<ISO instant>", description = "Valid from (e.g. 2026-12-01T00:00:00Z; default now).")
    String notBefore;

    @Option(names = "--secret", paramLabel = "<secretId>",
            description = "Store the key's record in this Secrets Manager secret (name or ARN) instead of the job table.")
    String secret;

    @Spec
    CommandSpec spec;

    private final ApiKeys keys;
    private final KeySecrets secrets;
    private final Clock clock;

    public KeysCreateCommand(ApiKeys keys, KeySecrets secrets, Clock clock) {
        this.keys = keys;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        if (validDays != null && validDays <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--valid-days must be positive");
        }
        Instant from;
        try {
            from = notBefore == null ? clock.instant() : Instant.parse(notBefore);
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--not-before is not an ISO instant: " + notBefore);
        }
        Optional<Instant> notAfter = Optional.ofNullable(validDays).map(days -> from.plus(Duration.ofDays(days)));
        CreatedKey created;
        try {
            created = secret == null ? keys.create(owner, new LinkedHashSet<>(scopes), Optional.of(from), notAfter)
                    : secrets.store(secret).create(owner, new LinkedHashSet<>(scopes), Optional.of(from), notAfter);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        } catch (ResourceNotFoundException e) {
            spec.commandLine().getErr().println(KeyOutput.missingSecret(secret, e));
            return ExitCodes.NOT_FOUND;
        }
        KeyOutput.print(spec, KeyOutput.created(created, Optional.ofNullable(secret), clock.instant()));
        return ExitCodes.OK;
    }
}
