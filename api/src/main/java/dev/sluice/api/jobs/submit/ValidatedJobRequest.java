package dev.sluice.api.jobs.submit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.job.JobType;
import java.util.List;
import java.util.stream.StreamSupport;

/** A request body that passed every check: its type, normalised input and fingerprint. */
public record ValidatedJobRequest(JobType type, ObjectNode input, String requestHash) {

    /** The S3 objects the job reads, recorded with it so the reaper never deletes them as orphans. */
    public List<String> objectKeys() {
        return switch (type) {
            case VIDEO_ANALYSIS -> input.has("videos")
                    ? StreamSupport.stream(input.get("videos").spliterator(), false)
                            .map(JsonNode::asText).toList()
                    : List.of(input.path("videoKey").asText());
            case IMAGE_GENERATION, DATA_ERASURE, SMS_INVITE -> List.of();
        };
    }
}
