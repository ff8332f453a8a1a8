package dev.sluice.api.openapi;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/uploads}, described for the OpenAPI document (the API reads bytes). */
@Schema(name = "UploadRequest")
public record UploadRequestBody(
        @Schema(required = true, example = "video/mp4") String contentType,
        @Schema(required = true, example = "10485760", description = "exact size; the presigned PUT signs it") long sizeBytes,
        @Schema(example = "front.mp4") String fileName) {
}
