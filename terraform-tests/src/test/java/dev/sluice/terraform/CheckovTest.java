package dev.sluice.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** checkov's Terraform checks pass for terraform/, and every skip says why. */
class CheckovTest {

    @Test
    void terraformPassesCheckovWithExplainedSkipsOnly() throws IOException {
        CheckovReport report = CheckovTerraform.scan(TerraformDir.withCode());
        System.out.println(report.summaryLine());
        Path summary = Path.of(System.getProperty("user.dir"), "target", "checkov-summary.txt");
        Files.createDirectories(summary.getParent());
        Files.writeString(summary, report.summaryWithSkips(), StandardCharsets.UTF_8);

        assertThat(report.parsingErrors()).as("files checkov could not parse; %s", report).isZero();
        assertThat(report.failed()).as("%s", report).isEmpty();
        assertThat(report.skipsWithoutReason())
                .as("skips need a reason: #checkov:skip=CKV_ID:why it does not apply")
                .isEmpty();
        assertThat(report.passed()).as("checkov ran no check at all: %s", report).isPositive();
    }

    @Test
    void anUnencryptedQueueFails(@TempDir Path dir) {
        CheckovReport report = CheckovTerraform.scan(Fixture.copy("checkov-unencrypted-queue", dir));
        assertThat(report.parsingErrors()).as("%s", report).isZero();
        assertThat(report.failed())
                .as("%s", report)
                .extracting(CheckovReport.Finding::checkId, CheckovReport.Finding::resource)
                .contains(tuple("CKV_AWS_27", "aws_sqs_queue.tasks"));
    }

    @Test
    void aFileCheckovCannotParseIsCounted(@TempDir Path dir) {
        CheckovReport report = CheckovTerraform.scan(Fixture.copy("checkov-unparsable", dir));
        assertThat(report.parsingErrors()).as("%s", report).isEqualTo(1);
        assertThat(report.unparsedFiles()).as("%s", report).singleElement().asString().endsWith("broken.tf");
    }

    @Test
    void aSkipWithoutReasonIsReported(@TempDir Path dir) {
        CheckovReport report = CheckovTerraform.scan(Fixture.copy("checkov-skips", dir));
        assertThat(report.failed()).as("both queues skip CKV_AWS_27: %s", report).isEmpty();
        assertThat(report.skipped())
                .extracting(CheckovReport.Finding::resource, CheckovReport.Finding::reason)
                .contains(tuple("aws_sqs_queue.explained", "fixture queue that never holds data"));
        assertThat(report.skipsWithoutReason())
                .extracting(CheckovReport.Finding::checkId, CheckovReport.Finding::resource)
                .containsExactly(tuple("CKV_AWS_27", "aws_sqs_queue.unexplained"));
    }
}
