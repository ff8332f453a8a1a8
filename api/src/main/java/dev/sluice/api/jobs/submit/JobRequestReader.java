package dev.sluice.api.jobs.submit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.api.jobs.input.InputValidation;
import dev.sluice.api.jobs.input.JobInputValidator;
import dev.sluice.api.jobs.input.JobInputValidators;
import dev.sluice.api.jobs.input.JsonFields;
import dev.sluice.api.json.StrictJsonBody;
import dev.sluice.api.problem.FieldError;
import dev.sluice.api.problem.Problem;
import dev.sluice.api.problem.ProblemException;
import dev.sluice.api.problem.ProblemType;
import dev.sluice.core.job.JobType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a job submission body: {@code {"type": "...", "input": {...}}}. The body is parsed by hand, not
 * bound to a class, so the two kinds of bad request stay apart: text that is not JSON is 400, JSON that
 * breaks the rules (unknown type, missing or unknown fields, wrong JSON types) is 422 listing every field.
 */
@ApplicationScoped
public class JobRequestReader {
    private static final Set<String> FIELDS = Set.of("type", "input");
    private static final String TYPES = Arrays.stream(JobType.values()).filter(JobType::submittable).map(JobType::wireName)
            .collect(Collectors.joining(", "));
    // Duplicate keys are rejected as malformed: which one wins differs between parsers, so such a body
    // has no single meaning. Error messages must not echo the body back.

    private final JobInputValidators validators;

    public JobRequestReader(JobInputValidators validators) {
        this.validators = validators;
    }

    public ValidatedJobRequest read(byte[] body, String ownerId) {
        JsonNode root = StrictJsonBody.parse(body);
        List<FieldError> errors = new ArrayList<>();
        if (!root.isObject()) {
            throw invalid(List.of(new FieldError("body", "must be a JSON object, not " + JsonFields.describe(root))));
        }
        ObjectNode request = (ObjectNode) root;
        JsonFields.rejectUnknown(request, FIELDS, "", errors);
        Optional<JobType> type = JsonFields.requiredString(request, "type", "", errors).flatMap(name -> {
            // data-erasure has its own route (DELETE /v1/me/data): here it is as unknown as a typo.
            Optional<JobType> known = JobType.fromWireName(name).filter(JobType::submittable);
            if (known.isEmpty()) {
                errors.add(new FieldError("type", "must be one of: " + TYPES));
            }
            return known;
        });
        Optional<ObjectNode> input = inputObject(request.get(JobInputValidator.INPUT), errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        JobInputValidator validator = validators.forType(type.orElseThrow());
        InputValidation validation = validator.validate(input.orElseThrow(), ownerId);
        if (validation instanceof InputValidation.Valid valid) {
            return new ValidatedJobRequest(type.orElseThrow(), valid.normalised(), RequestHash.of(root));
        }
        if (validation instanceof InputValidation.Invalid rejected) {
            throw invalid(rejected.errors());
        }
        if (validation instanceof InputValidation.UploadMissing missing) {
            throw new ProblemException(new Problem(ProblemType.UPLOAD_NOT_FOUND,
                    "Upload the object first, then submit the job", missing.errors(), Map.of(), Map.of()));
        }
        throw new IllegalStateException("unhandled validation outcome " + validation);
    }

    private static Optional<ObjectNode> inputObject(JsonNode input, List<FieldError> errors) {
        if (input == null || input.isNull()) {
            errors.add(new FieldError(JobInputValidator.INPUT, "is required"));
            return Optional.empty();
        }
        if (!input.isObject()) {
            errors.add(new FieldError(JobInputValidator.INPUT, "must be an object, not " + JsonFields.describe(input)));
            return Optional.empty();
        }
        return Optional.of((ObjectNode) input);
    }

    private static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(Problem.invalid(errors));
    }
}
