package dev.sluice.api.openapi;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /v1/jobs}. The API reads it as bytes (so malformed JSON and rule violations
 * get different problems); this record only describes it.
 */
@Schema(name = "JobSubmission")
public record JobSubmission(
        @Schema(required = true, enumeration = {"image-generation", "video-analysis"}) String type,
        @Schema(required = true, description = "image-generation: {prompt, width?, height?};"
                + " video-analysis: {vehicle: {licencePlate, vin, vinRegion?}, videos: [upload keys]}")
        Map<String, Object> input) {
}
