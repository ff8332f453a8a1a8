package dev.sluice.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Write-once objects: results and inputs are stored with If-None-Match so a retry never overwrites. */
class S3ConditionalWriteTest {

    private static S3Client s3;

    @BeforeAll
    static void connect() {
        s3 = AwsClients.s3(LocalAws.shared());
    }

    @AfterAll
    static void disconnect() {
        s3.close();
    }

    @Test
    void putIfNoneMatchOnExistingKeyIsRefusedWith412AndKeepsFirstObject() {
        String bucket = createBucket();
        s3.putObject(b -> b.bucket(bucket).key("result.json").ifNoneMatch("*"), RequestBody.fromString("first"));

        assertThatThrownBy(() -> s3.putObject(
                b -> b.bucket(bucket).key("result.json").ifNoneMatch("*"), RequestBody.fromString("second")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("result.json")).asUtf8String()).isEqualTo("first");
    }

    @Test
    void refusedPutCreatesNoSecondVersionInVersionedBucket() {
        String bucket = createBucket();
        s3.putBucketVersioning(b -> b.bucket(bucket)
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        s3.putObject(b -> b.bucket(bucket).key("result.json").ifNoneMatch("*"), RequestBody.fromString("first"));

        assertThatThrownBy(() -> s3.putObject(
                b -> b.bucket(bucket).key("result.json").ifNoneMatch("*"), RequestBody.fromString("second")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThat(s3.listObjectVersions(b -> b.bucket(bucket).prefix("result.json")).versions())
                .extracting(ObjectVersion::key)
                .containsExactly("result.json");
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("result.json")).asUtf8String()).isEqualTo("first");
    }

    private static String createBucket() {
        String bucket = AwsClients.uniqueName("bucket");
        s3.createBucket(b -> b.bucket(bucket)
                .createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1)));
        return bucket;
    }
}
