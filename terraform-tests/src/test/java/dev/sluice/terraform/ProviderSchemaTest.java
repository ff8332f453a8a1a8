package dev.sluice.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * terraform/ uses only resource types, arguments and blocks that hashicorp/aws 6.62.0 defines,
 * with every required argument set: what terraform validate would say, without the registry.
 */
class ProviderSchemaTest {

    private static final Path FIXTURES = TerraformDir.root().resolve("terraform-tests/src/test/resources/fixtures/schema");

    @Test
    void terraformMatchesTheAwsProviderSchema() {
        Path terraform = TerraformDir.terraform();
        assertThat(Files.isDirectory(terraform))
                .as("%s is missing: the Terraform code is part of the product and this check validates it", terraform)
                .isTrue();

        SchemaReport report = ProviderSchema.check(terraform);

        assertThat(report.findings())
                .as("terraform/ does not match %s (%d files, %d blocks checked):%n%s",
                        report.provider(), report.files(), report.checkedBlocks(), report.describeFindings())
                .isEmpty();
        assertThat(report.checkedBlocks()).as("aws_* resources or data sources checked under terraform/").isPositive();
    }

    @Test
    void validCodePasses() {
        SchemaReport report = ProviderSchema.check(FIXTURES.resolve("valid"));

        assertThat(report.findings()).as(report.describeFindings()).isEmpty();
        // Every aws_* block was judged (2 queues, bucket, lifecycle, table, security group, policy document).
        assertThat(report.checkedBlocks()).isEqualTo(7);
        assertThat(report.unchecked()).extracting(UncheckedBlock::address).containsExactly("kubernetes_namespace.sluice");
    }

    @Test
    void unknownAttributeIsReportedWithTheNearestName() {
        SchemaReport report = ProviderSchema.check(FIXTURES.resolve("unknown-attribute"));

        assertThat(report.findings())
                .extracting(SchemaFinding::line, SchemaFinding::address, SchemaFinding::path, SchemaFinding::kind)
                .containsExactly(tuple(3, "aws_sqs_queue.jobs", "visibility_timeout", "unknown_attribute"));
        assertThat(report.findings().get(0).message()).contains("did you mean visibility_timeout_seconds?");
    }

    @Test
    void computedAttributeCannotBeSet() {
        SchemaReport report = ProviderSchema.check(FIXTURES.resolve("read-only-attribute"));

        assertThat(report.findings())
                .extracting(SchemaFinding::address, SchemaFinding::path, SchemaFinding::kind)
                .containsExactly(tuple("aws_sqs_queue.jobs", "arn", "read_only_attribute"));
    }

    @Test
    void missingRequiredAttributeIsReportedAtAnyDepth() {
        SchemaReport report = ProviderSchema.check(FIXTURES.resolve("missing-required"));

        assertThat(report.findings())
                .extracting(SchemaFinding::address, SchemaFinding::path, SchemaFinding::kind)
                .containsExactly(
                        tuple("aws_s3_bucket_lifecycle_configuration.uploads", "bucket", "missing_required_attribute"),
                        tuple("data.aws_iam_policy_document.worker", "statement.condition.variable", "missing_required_attribute"));
    }

    @Test
    void unknownNestedBlockIsReportedIncludingDynamicOnes() {
        SchemaReport report = ProviderSchema.check(FIXTURES.resolve("unknown-block"));

        assertThat(report.findings())
                .extracting(SchemaFinding::line, SchemaFinding::path, SchemaFinding::kind)
                .containsExactly(
                        tuple(7, "rule.expiry", "unknown_block"),
                        tuple(17, "global_secondary_indexes", "unknown_block"));
    }

    @Test
    void unknownAwsResourceTypeIsReported() {
        SchemaReport report = ProviderSchema.check(FIXTURES.resolve("unknown-type"));

        assertThat(report.findings())
                .extracting(SchemaFinding::address, SchemaFinding::kind)
                .containsExactly(
                        tuple("aws_sqs_queues.jobs", "unknown_resource_type"),
                        tuple("data.aws_iam_policy_documents.worker", "unknown_resource_type"));
        assertThat(report.findings().get(0).message()).contains("did you mean aws_sqs_queue?");
    }
}
