package dev.sluice.api.uploads;

import dev.sluice.api.config.SluiceConfig;
import dev.sluice.core.keys.ObjectKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Presigns the PUT of one upload to {@code uploads/{ownerId}/{uuid}.{ext}}. The key is random, so a
 * client can neither pick nor overwrite another upload, and it lies under the owner's prefix, which is
 * all a video-analysis job accepts.
 *
 * <p>Why a presigned PUT with a signed {@code Content-Length}: the client uploads straight to S3 (the
 * API never streams gigabytes), yet the API must bound the size. A SigV4 presigned URL covers every
 * header listed in {@code X-Amz-SignedHeaders}; signing {@code content-length} makes S3 refuse any other
 * body size with 403 SignatureDoesNotMatch, so the size limit is enforced by the signature itself. The
 * other way, a presigned POST policy with {@code content-length-range}, is not offered by the AWS SDK for
 * Java v2 (only v1 had it) and would need hand-rolled policy signing. The same holds for the other signed
 * headers: the content type, SSE-KMS with our key and the tags cannot be changed or left out.
 *
 * <p>Tags: {@code owner} (who uploaded, for access reviews and cost) and {@code ContainsPII=true}
 * (videos show plates and faces; lifecycle and access policies key on it). Tagging on upload needs
 * {@code s3:PutObjectTagging} besides {@code s3:PutObject} for the API's role, whose permissions the URL
 * carries, and {@code kms:GenerateDataKey} on the key.
 */
@ApplicationScoped
public class UploadPresigner {
    static final String PII_TAG = "ContainsPII=true";

    private final S3Presigner presigner;
    private final String bucket;
    private final Duration ttl;
    private final Optional<String> kmsKeyId;

    @Inject
    public UploadPresigner(S3Presigner presigner, SluiceConfig config) {
        this(presigner, config.bucket(), config.uploads().ttl(), config.uploads().kmsKeyId());
    }

    UploadPresigner(S3Presigner presigner, String bucket, Duration ttl, Optional<String> kmsKeyId) {
        this.presigner = presigner;
        this.bucket = bucket;
        this.ttl = ttl;
        this.kmsKeyId = kmsKeyId.map(String::strip).filter(k -> !k.isEmpty());
    }

    public UploadTicket presign(String ownerId, UploadRequest request) {
        String key = ObjectKeys.uploadPrefix(ownerId) + UUID.randomUUID() + "."
                + VideoContentTypes.extension(request.contentType());
        PutObjectRequest put = PutObjectRequest.builder()
                .bucket(bucket)
                .key(key)
                .contentType(request.contentType())
                .contentLength(request.sizeBytes())
                .serverSideEncryption(ServerSideEncryption.AWS_KMS)
                // Absent: S3 encrypts with the bucket's default KMS key, or else the AWS managed aws/s3 key.
                .ssekmsKeyId(kmsKeyId.orElse(null))
                // Owner IDs are safe key segments ([A-Za-z0-9._-]), so they need no URL encoding here.
                .tagging("owner=" + ownerId + "&" + PII_TAG)
                .build();
        PresignedPutObjectRequest presigned = presigner.presignPutObject(p -> p.signatureDuration(ttl).putObjectRequest(put));
        return new UploadTicket(key, presigned.url().toString(), "PUT", headers(presigned.signedHeaders()),
                presigned.expiration());
    }

    /** What the client must send; {@code host} comes from the URL by itself. */
    private static Map<String, String> headers(Map<String, List<String>> signed) {
        Map<String, String> headers = new TreeMap<>();
        signed.forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                headers.put(name, String.join(",", values));
            }
        });
        return headers;
    }
}
