package dev.sluice.api.openapi;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The input of a video-analysis job, as {@code VideoAnalysisValidator} checks it. Two rules cannot be
 * written in JSON Schema and answer 422 for otherwise schema-valid input: every key must name an existing
 * upload under the caller's own {@code uploads/{ownerId}/} prefix, and with {@code vinRegion} NA the VIN's
 * check digit must match.
 */
@Schema(name = "VideoAnalysisInput", additionalProperties = Schema.False.class)
public record VideoAnalysisInput(
        @Schema(required = true) Vehicle vehicle,
        @Schema(required = true, minItems = 1, maxItems = 10, uniqueItems = true,
                description = "keys returned by POST /v1/uploads; each must exist")
        List<String> videos) {

    @Schema(name = "Vehicle", additionalProperties = Schema.False.class)
    public record Vehicle(
            @Schema(required = true, pattern = InputPatterns.LICENCE_PLATE, example = "AB12 CDE",
                    description = "1 to 10 letters A-Z and digits; spaces and hyphens are ignored")
            String licencePlate,
            @Schema(required = true, pattern = InputPatterns.VIN, example = "1M8GDM9AXKP042788",
                    description = "17 characters without I, O or Q; with vinRegion NA the check digit must match")
            String vin,
            @Schema(pattern = InputPatterns.VIN_REGION, example = "NA", description = "NA, EU, ASIA or OTHER, any case")
            String vinRegion) {
    }

    /** The earlier shape, still accepted: one video, no vehicle. */
    @Schema(name = "SingleVideoInput", additionalProperties = Schema.False.class, deprecated = true)
    public record SingleVideo(
            @Schema(required = true, example = "uploads/{ownerId}/0b9f8c1e-1d1a-4a37-9a4e-7a2b1c3d4e5f.mp4",
                    description = "a key returned by POST /v1/uploads; it must exist")
            String videoKey) {
    }
}
