package dev.sluice.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every bucket is a private_bucket call. checkov evaluates that module once per call but cannot
 * tell which call leaves out access logging or the KMS key (it sees the resources, not their
 * count or conditions), so the exceptions are decided here, each with its reason.
 */
class BucketHardeningTest {
    private static final String MODULE = "private_bucket";
    private static final Map<Path, String> WITHOUT_ACCESS_LOGS = Map.of(
            Path.of("modules/log_bucket/main.tf"), "the log bucket would log its own access forever",
            Path.of("bootstrap/main.tf"), "bootstrap runs before any log bucket exists");
    private static final Map<Path, String> WITHOUT_KMS = Map.of(
            Path.of("modules/log_bucket/main.tf"), "S3 server access log delivery writes only to SSE-S3 buckets");

    @Test
    void everyBucketIsHardenedByTheSharedModule() {
        HclFiles hcl = HclFiles.parse(TerraformDir.terraform());
        assertThat(hcl.blocks("resource", "aws_s3_bucket")).as("aws_s3_bucket resources")
                .allSatisfy(b -> assertThat(b.file().getParent()).isEqualTo(Path.of("modules", MODULE)));

        List<HclFiles.Block> calls = hcl.moduleCalls("../" + MODULE);
        calls.addAll(hcl.moduleCalls("../modules/" + MODULE));
        assertThat(calls).extracting(HclFiles.Block::file).containsExactlyInAnyOrder(Path.of("modules/data_bucket/main.tf"),
                Path.of("modules/log_bucket/main.tf"), Path.of("modules/audit_trail/bucket.tf"), Path.of("bootstrap/main.tf"));

        Map<Path, String> unlogged = new TreeMap<>();
        Map<Path, String> unencrypted = new TreeMap<>();
        for (HclFiles.Block call : calls) {
            if (HclFiles.value(call.body(), "access_log_bucket").isMissingNode()) {
                unlogged.put(call.file(), WITHOUT_ACCESS_LOGS.getOrDefault(call.file(), "no reason"));
            }
            if (HclFiles.value(call.body(), "kms_key_arn").isMissingNode()) {
                unencrypted.put(call.file(), WITHOUT_KMS.getOrDefault(call.file(), "no reason"));
            }
        }
        assertThat(unlogged).as("buckets without access logging").isEqualTo(new TreeMap<>(WITHOUT_ACCESS_LOGS));
        assertThat(unencrypted).as("buckets without the project's KMS key").isEqualTo(new TreeMap<>(WITHOUT_KMS));
    }
}
