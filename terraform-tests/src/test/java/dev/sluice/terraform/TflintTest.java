package dev.sluice.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tflint's recommended terraform rules hold for every root and module under terraform/. */
class TflintTest {

    @Test
    void terraformHasNoTflintFindings() {
        Tflint.Report report = Tflint.lint(TerraformDir.withCode());
        assertThat(report.clean()).as("%s", report).isTrue();
    }

    @Test
    void findsAnUntypedAndAnUnusedVariableInACalledModule(@TempDir Path dir) {
        Tflint.Report report = Tflint.lint(Fixture.copy("tflint-findings", dir));
        assertThat(report.errors()).as("%s", report).isEmpty();
        // Found in the module's own directory; the root calling it adds no other finding.
        assertThat(report.issues())
                .as("%s", report)
                .extracting(Tflint.Issue::rule, Tflint.Issue::file, Tflint.Issue::line)
                .containsExactlyInAnyOrder(
                        tuple("terraform_typed_variables", "modules/queue/main.tf", 13),
                        tuple("terraform_unused_declarations", "modules/queue/main.tf", 17));
        assertThat(report.issues()).as("%s", report)
                .filteredOn(issue -> issue.rule().equals("terraform_unused_declarations"))
                .allSatisfy(issue -> assertThat(issue.message()).contains("\"retention\""));
    }

    @Test
    void aFileTflintCannotParseIsAnError(@TempDir Path dir) {
        Tflint.Report report = Tflint.lint(Fixture.copy("tflint-unparsable", dir));
        assertThat(report.clean()).as("%s", report).isFalse();
        assertThat(report.errors()).as("%s", report).singleElement().asString()
                .contains("envs/dev/main.tf").contains("Invalid expression");
    }
}
