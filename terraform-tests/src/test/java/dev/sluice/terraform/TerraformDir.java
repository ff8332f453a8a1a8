package dev.sluice.terraform;

import dev.sluice.localaws.ProjectRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

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

    /**
     * terraform/, failing the calling test when it holds no .tf file: the infrastructure code is part
     * of the product, so its absence is an error and not a reason to skip the checks.
     */
    static Path withCode() {
        Path terraform = terraform();
        if (!Files.isDirectory(terraform)) {
            throw new AssertionError(terraform + " does not exist: the Terraform code (modules, envs/dev, envs/prod,"
                    + " bootstrap) is part of the product and must be checked");
        }
        try (Stream<Path> files = Files.walk(terraform)) {
            if (files.noneMatch(file -> file.toString().endsWith(".tf") && !file.toString().contains("/.terraform/"))) {
                throw new AssertionError(terraform + " holds no .tf file: the Terraform code is part of the product"
                        + " and must be checked");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terraform;
    }
}
