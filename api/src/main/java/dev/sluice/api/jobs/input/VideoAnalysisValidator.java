package dev.sluice.api.jobs.input;

import static dev.sluice.api.jobs.input.JsonFields.join;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.api.config.SluiceConfig;
import dev.sluice.api.problem.FieldError;
import dev.sluice.core.job.JobType;
import dev.sluice.core.keys.ObjectKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@code {"videoKey": "uploads/{ownerId}/..."}}. The key must lie under the caller's own upload prefix
 * (one owner cannot have another's video analysed) and the object must exist now: a job for a missing
 * video could only fail later in the worker. The normalised input adds the bucket so the model knows
 * where to read.
 */
@ApplicationScoped
public class VideoAnalysisValidator implements JobInputValidator {
    /** S3's limit on key length, in UTF-8 bytes. */
    static final int MAX_KEY_BYTES = 1024;
    private static final Set<String> FIELDS = Set.of("videoKey");

    private final ObjectMapper json;
    private final S3Client s3;
    private final String bucket;

    public VideoAnalysisValidator(ObjectMapper json, S3Client s3, SluiceConfig config) {
        this.json = json;
        this.s3 = s3;
        this.bucket = config.bucket();
    }

    @Override
    public JobType type() {
        return JobType.VIDEO_ANALYSIS;
    }

    @Override
    public InputValidation validate(ObjectNode input, String ownerId) {
        List<FieldError> errors = new ArrayList<>();
        JsonFields.rejectUnknown(input, FIELDS, INPUT, errors);
        Optional<String> key = JsonFields.requiredString(input, "videoKey", INPUT, errors)
                .filter(k -> validKey(k, ownerId, errors));
        if (!errors.isEmpty()) {
            return new InputValidation.Invalid(errors);
        }
        String videoKey = key.orElseThrow();
        // Only now, with a syntactically valid request, is S3 asked: bad input costs no AWS call.
        if (!exists(videoKey)) {
            return new InputValidation.UploadMissing(new FieldError(join(INPUT, "videoKey"),
                    "no uploaded object with this key"));
        }
        return new InputValidation.Valid(json.createObjectNode().put("bucket", bucket).put("videoKey", videoKey));
    }

    private static boolean validKey(String key, String ownerId, List<FieldError> errors) {
        String field = join(INPUT, "videoKey");
        String prefix = ObjectKeys.uploadPrefix(ownerId);
        if (!key.startsWith(prefix) || key.length() == prefix.length()) {
            errors.add(new FieldError(field, "must be an object key under " + prefix));
            return false;
        }
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            errors.add(new FieldError(field, "must be at most " + MAX_KEY_BYTES + " bytes"));
            return false;
        }
        // "." and ".." segments are normalised away by some HTTP clients and proxies, so such a key may
        // read a different object than the one checked; empty segments and control characters are typos.
        for (String segment : key.substring(prefix.length()).split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                errors.add(new FieldError(field, "must not contain empty, '.' or '..' path segments"));
                return false;
            }
        }
        if (key.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, "must not contain control characters"));
            return false;
        }
        return true;
    }

    private boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            // HEAD answers carry no error code, so some services surface a plain 404 instead.
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }
}
