package dev.sluice.api.jobs.input;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.job.JobType;

/**
 * Checks the {@code input} object of one job type and produces the normalised input that is persisted
 * and later handed to the model. One implementation per {@link JobType}; {@link JobInputValidators}
 * refuses to start when a type has none.
 */
public interface JobInputValidator {

    /** Dotted path of the input object in the request body; field errors are reported under it. */
    String INPUT = "input";

    JobType type();

    /** Validates without side effects beyond reads; never persists or enqueues anything. */
    InputValidation validate(ObjectNode input, String ownerId);
}
