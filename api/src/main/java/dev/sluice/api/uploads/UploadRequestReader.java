package dev.sluice.api.uploads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.api.config.SluiceConfig;
import dev.sluice.api.jobs.input.JsonFields;
import dev.sluice.api.json.StrictJsonBody;
import dev.sluice.api.problem.FieldError;
import dev.sluice.api.problem.Problem;
import dev.sluice.api.problem.ProblemException;
import dev.sluice.api.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads {@code {"contentType": "video/mp4", "sizeBytes": 123456, "fileName": "front.mp4"}}. Like job
 * submissions: text that is not JSON is 400, broken rules are 422 listing every field. A size over
 * {@code sluice.uploads.max-size-bytes} on its own is {@code upload-too-large}, so clients can tell it
 * apart (e.g. to offer compressing the video).
 */
@ApplicationScoped
public class UploadRequestReader {
    static final int MAX_FILE_NAME_LENGTH = 255;
    private static final Set<String> FIELDS = Set.of("contentType", "sizeBytes", "fileName");
    // The same strict parsing as JobRequestReader: duplicate keys and trailing data are malformed.

    private final long maxSizeBytes;

    public UploadRequestReader(SluiceConfig config) {
        this.maxSizeBytes = config.uploads().maxSizeBytes();
    }

    public UploadRequest read(byte[] body) {
        JsonNode root = StrictJsonBody.parse(body);
        if (!root.isObject()) {
            throw new ProblemException(Problem.invalid(
                    List.of(new FieldError("body", "must be a JSON object, not " + JsonFields.describe(root)))));
        }
        ObjectNode request = (ObjectNode) root;
        List<FieldError> errors = new ArrayList<>();
        JsonFields.rejectUnknown(request, FIELDS, "", errors);
        Optional<String> contentType = JsonFields.requiredString(request, "contentType", "", errors).flatMap(type -> {
            Optional<String> allowed = VideoContentTypes.normalise(type);
            if (allowed.isEmpty()) {
                errors.add(new FieldError("contentType", "must be one of: " + VideoContentTypes.allowed()));
            }
            return allowed;
        });
        Optional<String> fileName = fileName(request, errors);
        boolean[] tooLarge = {false};
        OptionalLong size = size(request, errors, tooLarge);
        if (tooLarge[0]) {
            FieldError error = new FieldError("sizeBytes", "must be at most " + maxSizeBytes + " bytes");
            if (errors.isEmpty()) {
                throw new ProblemException(new Problem(ProblemType.UPLOAD_TOO_LARGE,
                        "Videos may be at most " + maxSizeBytes + " bytes", List.of(error), Map.of(), Map.of()));
            }
            errors.add(error);
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid(errors));
        }
        return new UploadRequest(contentType.orElseThrow(), size.orElseThrow(), fileName);
    }

    private OptionalLong size(ObjectNode request, List<FieldError> errors, boolean[] tooLarge) {
        JsonNode value = request.get("sizeBytes");
        if (value == null || value.isNull()) {
            errors.add(new FieldError("sizeBytes", "is required"));
            return OptionalLong.empty();
        }
        if (!value.isIntegralNumber()) {
            errors.add(new FieldError("sizeBytes", "must be an integer, not " + JsonFields.describe(value)));
            return OptionalLong.empty();
        }
        BigInteger size = value.bigIntegerValue();
        if (size.signum() <= 0) {
            errors.add(new FieldError("sizeBytes", "must be at least 1"));
            return OptionalLong.empty();
        }
        if (size.compareTo(BigInteger.valueOf(maxSizeBytes)) > 0) {
            tooLarge[0] = true;
            return OptionalLong.empty();
        }
        return OptionalLong.of(size.longValueExact());
    }

    /** Only checked, not used in the key: file names may carry personal data and characters S3 keys should not. */
    private static Optional<String> fileName(ObjectNode request, List<FieldError> errors) {
        if (!request.has("fileName")) {
            return Optional.empty();
        }
        return JsonFields.requiredString(request, "fileName", "", errors).filter(name -> {
            if (name.isBlank() || name.codePointCount(0, name.length()) > MAX_FILE_NAME_LENGTH) {
                errors.add(new FieldError("fileName", "must be 1 to " + MAX_FILE_NAME_LENGTH + " characters"));
                return false;
            }
            if (name.chars().anyMatch(c -> Character.isISOControl(c) || c == '/' || c == '\\')) {
                errors.add(new FieldError("fileName", "must not contain control characters or path separators"));
                return false;
            }
            return true;
        });
    }
}
