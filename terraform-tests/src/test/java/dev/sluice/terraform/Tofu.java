package dev.sluice.terraform;

import dev.sluice.localaws.ExternalCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs OpenTofu through tools/tofu.sh, which builds the pinned version from the Go module proxy on
 * first use. Never a terraform or tofu binary from PATH: the result must not depend on the machine.
 */
final class Tofu {
    // The first call on a fresh machine builds OpenTofu from source: several minutes on 2 cores.
    private static final Duration TIMEOUT = Duration.ofMinutes(25);

    private Tofu() {
    }

    static ExternalCommand.Result run(Path directory, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", TerraformDir.root().resolve("tools/tofu.sh").toString()));
        command.addAll(List.of(args));
        return ExternalCommand.run(directory, TIMEOUT, command);
    }
}
