package dev.sluice.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.localaws.ExternalCommand;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** terraform/ is formatted exactly as `tofu fmt` writes it, so reviews never see layout noise. */
class FormattingTest {

    @Test
    void terraformIsFormatted() {
        TerraformDir.withCode();
        ExternalCommand.Result result = Tofu.run(TerraformDir.root(), "fmt", "-check", "-recursive", "-diff", "-no-color", "terraform");
        assertThat(result.exitCode())
                .as("tools/tofu.sh fmt -check -recursive -diff terraform found files to reformat"
                        + " (run `tools/tofu.sh fmt -recursive terraform`):\n%s%s", result.stdout(), result.stderr())
                .isZero();
    }

    @Test
    void theCheckNamesAnUnformattedFile(@TempDir Path dir) {
        Fixture.copy("unformatted", dir);
        ExternalCommand.Result result = Tofu.run(dir, "fmt", "-check", "-recursive", "-diff", "-no-color", ".");
        assertThat(result.exitCode()).as("%s", result).isNotZero();
        assertThat(result.stdout()).as("%s", result).contains("main.tf");
    }
}
