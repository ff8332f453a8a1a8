package dev.sluice.terraform;

import dev.sluice.localaws.ProjectRoot;
import java.nio.file.Path;

/** Where the checked files are: the repository root and its terraform/ directory. */
final class TerraformDir {
    private TerraformDir() {
    }

    static Path root() {
        return ProjectRoot.fromWorkingDirectory()
                .orElseThrow(() -> new IllegalStateException("no project root (mvnw) above " + System.getProperty("user.dir")));
    }

    static Path terraform() {
        return root().resolve("terraform");
    }
}
