package dev.sluice.api.openapi;

import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /v1/jobs}, one shape per job type. The API reads it as bytes (so malformed JSON
 * and rule violations get different problems); these types only describe it. Unknown fields are refused
 * at every level, so every object is closed.
 */
@Schema(name = "JobSubmission", oneOf = {JobSubmission.ImageGenerationJob.class, JobSubmission.VideoAnalysisJob.class},
        discriminatorProperty = "type", discriminatorMapping = {
                @DiscriminatorMapping(value = "image-generation", schema = JobSubmission.ImageGenerationJob.class),
                @DiscriminatorMapping(value = "video-analysis", schema = JobSubmission.VideoAnalysisJob.class)})
public interface JobSubmission {

    @Schema(name = "ImageGenerationJob", additionalProperties = Schema.False.class)
    record ImageGenerationJob(
            @Schema(required = true, constValue = "image-generation") String type,
            @Schema(required = true) ImageGenerationInput input) implements JobSubmission {
    }

    @Schema(name = "VideoAnalysisJob", additionalProperties = Schema.False.class)
    record VideoAnalysisJob(
            @Schema(required = true, constValue = "video-analysis") String type,
            @Schema(required = true, oneOf = {VideoAnalysisInput.class, VideoAnalysisInput.SingleVideo.class})
            Object input) implements JobSubmission {
    }
}
