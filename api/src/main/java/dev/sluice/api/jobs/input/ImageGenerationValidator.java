package dev.sluice.api.jobs.input;

import static dev.sluice.api.jobs.input.JsonFields.join;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.api.config.SluiceConfig;
import dev.sluice.api.problem.FieldError;
import dev.sluice.core.job.JobType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * {@code {"prompt": "...", "width": 512, "height": 512}}. Width and height are optional (512) and must
 * be multiples of 64 between 64 and {@code sluice.api.max-image-size}: diffusion models work on 64-pixel
 * latent blocks, so other sizes would fail in the worker, long after the client has gone.
 */
@ApplicationScoped
public class ImageGenerationValidator implements JobInputValidator {
    static final int DEFAULT_SIZE = 512;
    static final int SIZE_STEP = 64;
    private static final Set<String> FIELDS = Set.of("prompt", "width", "height");

    private final ObjectMapper json;
    private final int maxPromptLength;
    private final int maxSize;

    public ImageGenerationValidator(ObjectMapper json, SluiceConfig config) {
        this.json = json;
        this.maxPromptLength = config.api().maxPromptLength();
        this.maxSize = config.api().maxImageSize();
    }

    @Override
    public JobType type() {
        return JobType.IMAGE_GENERATION;
    }

    @Override
    public InputValidation validate(ObjectNode input, String ownerId) {
        List<FieldError> errors = new ArrayList<>();
        JsonFields.rejectUnknown(input, FIELDS, INPUT, errors);
        Optional<String> prompt = JsonFields.requiredString(input, "prompt", INPUT, errors).filter(p -> validPrompt(p, errors));
        OptionalInt width = size(input, "width", errors);
        OptionalInt height = size(input, "height", errors);
        if (!errors.isEmpty()) {
            return new InputValidation.Invalid(errors);
        }
        ObjectNode normalised = json.createObjectNode()
                .put("prompt", prompt.orElseThrow())
                .put("width", width.orElseThrow())
                .put("height", height.orElseThrow());
        return new InputValidation.Valid(normalised);
    }

    private boolean validPrompt(String prompt, List<FieldError> errors) {
        String field = join(INPUT, "prompt");
        if (prompt.isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
            return false;
        }
        // Code points, not UTF-16 units: an emoji is one character to the user.
        if (prompt.codePointCount(0, prompt.length()) > maxPromptLength) {
            errors.add(new FieldError(field, "must be at most " + maxPromptLength + " characters"));
            return false;
        }
        return true;
    }

    private OptionalInt size(ObjectNode input, String name, List<FieldError> errors) {
        if (!input.has(name)) {
            return OptionalInt.of(DEFAULT_SIZE);
        }
        OptionalInt value = JsonFields.optionalInt(input, name, INPUT, errors);
        if (value.isEmpty()) {
            return value;
        }
        int size = value.getAsInt();
        String field = join(INPUT, name);
        if (size < SIZE_STEP || size > maxSize) {
            errors.add(new FieldError(field, "must be between " + SIZE_STEP + " and " + maxSize));
            return OptionalInt.empty();
        }
        if (size % SIZE_STEP != 0) {
            errors.add(new FieldError(field, "must be a multiple of " + SIZE_STEP));
            return OptionalInt.empty();
        }
        return value;
    }
}
