package dev.sluice.api.jobs.submit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.job.JobType;

/** A request body that passed every check: its type, normalised input and fingerprint. */
public record ValidatedJobRequest(JobType type, ObjectNode input, String requestHash) {
}
