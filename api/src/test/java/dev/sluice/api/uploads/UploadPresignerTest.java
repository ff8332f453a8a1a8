package dev.sluice.api.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** What the presigned PUT signs, without S3 (presigning is local computation) and without Quarkus. */
class UploadPresignerTest {
    private static S3Presigner s3;

    @BeforeAll
    static void presigner() {
        s3 = S3Presigner.builder()
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .endpointOverride(URI.create("http://s3.test:4566"))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }

    @AfterAll
    static void close() {
        s3.close();
    }

    @Test
    void signsSizeTypeEncryptionWithTheConfiguredKeyAndTags() {
        String kmsKey = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        UploadPresigner presigner = new UploadPresigner(s3, "bucket", Duration.ofMinutes(15), Optional.of(kmsKey));
        Instant before = Instant.now();

        UploadTicket ticket = presigner.presign("owner-1", new UploadRequest("video/quicktime", 123456, Optional.empty()));

        assertThat(ticket.key()).matches("uploads/owner-1/[0-9a-f-]{36}\\.mov");
        assertThat(ticket.method()).isEqualTo("PUT");
        assertThat(ticket.url()).startsWith("http://s3.test:4566/bucket/" + ticket.key() + "?");
        assertThat(ticket.headers())
                .containsEntry("content-type", "video/quicktime")
                .containsEntry("content-length", "123456")
                .containsEntry("x-amz-server-side-encryption", "aws:kms")
                .containsEntry("x-amz-server-side-encryption-aws-kms-key-id", kmsKey)
                .containsEntry("x-amz-tagging", "owner=owner-1&ContainsPII=true")
                .doesNotContainKey("host");
        assertThat(signedHeaders(ticket)).contains("content-length", "content-type", "host",
                "x-amz-server-side-encryption", "x-amz-server-side-encryption-aws-kms-key-id", "x-amz-tagging");
        assertThat(Duration.between(before, ticket.expiresAt())).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(16));
        assertThat(ticket.url()).contains("X-Amz-Expires=900");
    }

    @Test
    void withoutAConfiguredKeyItStillSignsAwsKmsForTheBucketsDefaultKey() {
        UploadPresigner presigner = new UploadPresigner(s3, "bucket", Duration.ofMinutes(5), Optional.of(" "));

        UploadTicket ticket = presigner.presign("o", new UploadRequest("video/mp4", 1, Optional.of("front.mp4")));

        assertThat(ticket.key()).matches("uploads/o/[0-9a-f-]{36}\\.mp4");
        assertThat(ticket.headers()).containsEntry("x-amz-server-side-encryption", "aws:kms")
                .doesNotContainKey("x-amz-server-side-encryption-aws-kms-key-id");
        assertThat(signedHeaders(ticket)).contains("content-length", "x-amz-server-side-encryption", "x-amz-tagging");
        assertThat(ticket.url()).contains("X-Amz-Expires=300");
    }

    @Test
    void everyUploadGetsItsOwnKey() {
        UploadPresigner presigner = new UploadPresigner(s3, "bucket", Duration.ofMinutes(5), Optional.empty());
        UploadRequest request = new UploadRequest("video/mp4", 10, Optional.empty());

        assertThat(presigner.presign("o", request).key()).isNotEqualTo(presigner.presign("o", request).key());
    }

    static java.util.List<String> signedHeaders(UploadTicket ticket) {
        String query = URI.create(ticket.url()).getRawQuery();
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("X-Amz-SignedHeaders=")) {
                String value = java.net.URLDecoder.decode(parameter.substring("X-Amz-SignedHeaders=".length()),
                        java.nio.charset.StandardCharsets.UTF_8);
                return java.util.List.of(value.split(";"));
            }
        }
        throw new AssertionError("no X-Amz-SignedHeaders in " + ticket.url());
    }
}
