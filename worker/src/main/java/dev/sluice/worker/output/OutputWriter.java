package dev.sluice.worker.output;

import dev.sluice.core.job.TaskOutput;
import dev.sluice.worker.config.WorkerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Writes a task's output exactly once. The key is a function of the task, and the put carries
 * {@code If-None-Match: *}: when an earlier attempt already wrote the key S3 answers 412, and that
 * object is the task's output. No second upload, no second version.
 */
@ApplicationScoped
public class OutputWriter {
    static final String SHA256_METADATA = "sha256";
    private static final int PRECONDITION_FAILED = 412;

    private final S3Client s3;
    private final String bucket;

    public OutputWriter(S3Client s3, WorkerConfig config) {
        this.s3 = s3;
        this.bucket = config.bucket();
    }

    public TaskOutput write(String key, byte[] body, String contentType) {
        String sha256 = sha256(body);
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType).ifNoneMatch("*")
                            .metadata(Map.of(SHA256_METADATA, sha256)),
                    RequestBody.fromBytes(body));
            return new TaskOutput(key, contentType, body.length, sha256);
        } catch (S3Exception e) {
            if (e.statusCode() != PRECONDITION_FAILED) {
                throw e;
            }
            return existing(key);
        }
    }

    private TaskOutput existing(String key) {
        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
        return new TaskOutput(key, head.contentType(), head.contentLength(),
                head.metadata().getOrDefault(SHA256_METADATA, ""));
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
