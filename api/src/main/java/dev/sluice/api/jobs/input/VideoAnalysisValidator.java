package dev.sluice.api.jobs.input;

import static dev.sluice.api.jobs.input.JsonFields.join;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.api.config.SluiceConfig;
import dev.sluice.api.problem.FieldError;
import dev.sluice.core.job.JobType;
import dev.sluice.core.keys.ObjectKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * <pre>
 * {"vehicle": {"licencePlate": "AB12 CDE", "vin": "1M8GDM9AXKP042788", "vinRegion": "NA"},
 *  "videos": ["uploads/{ownerId}/{uploadId}.mp4", ...]}
 * </pre>
 * 1 to {@value #MAX_VIDEOS} videos; plate and VIN are required, {@code vinRegion} is optional (with
 * {@code NA} the VIN's check digit is verified, see {@link Vins}). Every key must lie under the caller's
 * own upload prefix (one owner cannot have another's video analysed; that is decided from the key alone,
 * before S3 is asked, so the answer never tells whether another owner's object exists) and every object
 * must exist now: a job for a missing video could only fail later in the worker.
 *
 * <p>The earlier shape {@code {"videoKey": "uploads/..."}} (one video, no vehicle) is still accepted.
 * Either shape is persisted as {@code {"bucket", "videoKey", "videos", "vehicle"?}}: {@code bucket} and
 * {@code videoKey} (the first video) are what the model endpoint already reads, the rest is new.
 */
@ApplicationScoped
public class VideoAnalysisValidator implements JobInputValidator {
    /** S3's limit on key length, in UTF-8 bytes. */
    static final int MAX_KEY_BYTES = 1024;
    static final int MAX_VIDEOS = 10;
    static final String VIN_REGIONS = "NA, EU, ASIA, OTHER";
    private static final String LEGACY_KEY = "videoKey";
    private static final Set<String> LEGACY_FIELDS = Set.of(LEGACY_KEY);
    private static final Set<String> FIELDS = Set.of("vehicle", "videos");
    private static final Set<String> VEHICLE_FIELDS = Set.of("licencePlate", "vin", "vinRegion");

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
        if (input.has(LEGACY_KEY) && !input.has("videos") && !input.has("vehicle")) {
            return validateSingleVideo(input, ownerId);
        }
        List<FieldError> errors = new ArrayList<>();
        JsonFields.rejectUnknown(input, FIELDS, INPUT, errors);
        Optional<ObjectNode> vehicle = vehicle(input, errors);
        List<String> videos = videos(input, ownerId, errors);
        if (!errors.isEmpty()) {
            return new InputValidation.Invalid(errors);
        }
        return existing(videos, i -> join(INPUT, "videos") + "[" + i + "]", vehicle);
    }

    /** The earlier shape {@code {"videoKey": "..."}}: one video, no vehicle. */
    private InputValidation validateSingleVideo(ObjectNode input, String ownerId) {
        List<FieldError> errors = new ArrayList<>();
        JsonFields.rejectUnknown(input, LEGACY_FIELDS, INPUT, errors);
        String field = join(INPUT, LEGACY_KEY);
        Optional<String> key = JsonFields.requiredString(input, LEGACY_KEY, INPUT, errors)
                .filter(k -> validKey(k, ownerId, field, errors));
        if (!errors.isEmpty()) {
            return new InputValidation.Invalid(errors);
        }
        return existing(List.of(key.orElseThrow()), i -> field, Optional.empty());
    }

    /** Only now, with a syntactically valid request, is S3 asked: bad input costs no AWS call. */
    private InputValidation existing(List<String> videos, IntFunction<String> field,
                                     Optional<ObjectNode> vehicle) {
        List<FieldError> missing = new ArrayList<>();
        for (int i = 0; i < videos.size(); i++) {
            if (!exists(videos.get(i))) {
                missing.add(new FieldError(field.apply(i), "no uploaded object with this key"));
            }
        }
        if (!missing.isEmpty()) {
            return new InputValidation.UploadMissing(missing);
        }
        ObjectNode normalised = json.createObjectNode().put("bucket", bucket).put(LEGACY_KEY, videos.get(0));
        ArrayNode keys = normalised.putArray("videos");
        videos.forEach(keys::add);
        vehicle.ifPresent(v -> normalised.set("vehicle", v));
        return new InputValidation.Valid(normalised);
    }

    private Optional<ObjectNode> vehicle(ObjectNode input, List<FieldError> errors) {
        String path = join(INPUT, "vehicle");
        JsonNode node = input.get("vehicle");
        if (node == null || node.isNull()) {
            errors.add(new FieldError(path, "is required"));
            return Optional.empty();
        }
        if (!node.isObject()) {
            errors.add(new FieldError(path, "must be an object, not " + JsonFields.describe(node)));
            return Optional.empty();
        }
        ObjectNode vehicle = (ObjectNode) node;
        int before = errors.size();
        JsonFields.rejectUnknown(vehicle, VEHICLE_FIELDS, path, errors);
        // Messages never repeat the values: plates and VINs are personal data and problems get logged.
        Optional<String> plate = JsonFields.requiredString(vehicle, "licencePlate", path, errors).flatMap(p -> {
            Optional<String> normalised = LicencePlates.normalise(p);
            if (normalised.isEmpty()) {
                errors.add(new FieldError(join(path, "licencePlate"), "must be 1 to " + LicencePlates.MAX_LENGTH
                        + " letters A-Z and digits (spaces and hyphens are ignored)"));
            }
            return normalised;
        });
        Optional<Vins.Region> region = Optional.empty();
        if (vehicle.has("vinRegion")) {
            region = JsonFields.requiredString(vehicle, "vinRegion", path, errors).flatMap(r -> {
                Optional<Vins.Region> known = Vins.Region.fromWire(r);
                if (known.isEmpty()) {
                    errors.add(new FieldError(join(path, "vinRegion"), "must be one of: " + VIN_REGIONS));
                }
                return known;
            });
        }
        Optional<Vins.Region> vinRegion = region;
        Optional<String> vin = JsonFields.requiredString(vehicle, "vin", path, errors).flatMap(v -> {
            Vins.Result result = Vins.check(v, vinRegion);
            result.problem().ifPresent(p -> errors.add(new FieldError(join(path, "vin"), p.message())));
            return result.vin();
        });
        if (errors.size() > before) {
            return Optional.empty();
        }
        ObjectNode normalised = json.createObjectNode()
                .put("licencePlate", plate.orElseThrow())
                .put("vin", vin.orElseThrow());
        vinRegion.ifPresent(r -> normalised.put("vinRegion", r.name()));
        return Optional.of(normalised);
    }

    private static List<String> videos(ObjectNode input, String ownerId, List<FieldError> errors) {
        String path = join(INPUT, "videos");
        JsonNode node = input.get("videos");
        if (node == null || node.isNull()) {
            errors.add(new FieldError(path, "is required"));
            return List.of();
        }
        if (!node.isArray()) {
            errors.add(new FieldError(path, "must be an array of object keys, not " + JsonFields.describe(node)));
            return List.of();
        }
        if (node.isEmpty() || node.size() > MAX_VIDEOS) {
            errors.add(new FieldError(path, "must list 1 to " + MAX_VIDEOS + " videos"));
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < node.size(); i++) {
            String field = path + "[" + i + "]";
            JsonNode element = node.get(i);
            if (!element.isTextual()) {
                errors.add(new FieldError(field, "must be a string, not " + JsonFields.describe(element)));
                continue;
            }
            String key = element.textValue();
            if (!validKey(key, ownerId, field, errors)) {
                continue;
            }
            Integer first = seen.putIfAbsent(key, i);
            if (first != null) {
                errors.add(new FieldError(field, "repeats " + path + "[" + first + "]"));
                continue;
            }
            keys.add(key);
        }
        return keys;
    }

    private static boolean validKey(String key, String ownerId, String field, List<FieldError> errors) {
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
