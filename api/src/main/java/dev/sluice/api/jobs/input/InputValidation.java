package dev.sluice.api.jobs.input;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.api.problem.FieldError;
import java.util.List;

/** The outcome of validating one job input. */
public sealed interface InputValidation {

    /** The input is acceptable; {@code normalised} is what gets persisted (defaults filled in, fixed field order). */
    record Valid(ObjectNode normalised) implements InputValidation {
    }

    /** The input breaks one or more rules; every broken rule is listed, not just the first. */
    record Invalid(List<FieldError> errors) implements InputValidation {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }

    /** Well-formed, but it names uploaded objects that are not in the bucket: one error per missing object. */
    record UploadMissing(List<FieldError> errors) implements InputValidation {
        public UploadMissing {
            errors = List.copyOf(errors);
        }
    }
}
