package dev.sluice.api.openapi;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/uploads}, described for the OpenAPI document (the API reads bytes). */
@Schema(name = "UploadRequest", additionalProperties = Schema.False.class)
public record UploadRequestBody(
        @Schema(required = true, example = "video/mp4", description = "a video type, any case, no parameters",
                pattern = UploadRequestBody.VIDEO_TYPE)
        String contentType,
        @Schema(required = true, example = "10485760", minimum = "1", maximum = "2147483648",
                description = "exact size; the presigned PUT signs it; at most sluice.uploads.max-size-bytes (2 GiB)")
        long sizeBytes,
        @Schema(example = "front.mp4", minLength = 1, maxLength = 255,
                pattern = InputPatterns.FILE_NAME,
                description = "checked only (never part of the key): not blank, no control characters or path separators")
        String fileName) {

    /** The allowed types of {@code VideoContentTypes}, case-insensitive, surrounding white space ignored. */
    static final String VIDEO_TYPE = "^[" + InputPatterns.JAVA_WHITESPACE + "]*[Vv][Ii][Dd][Ee][Oo]/("
            + "[Mm][Pp]4|[Qq][Uu][Ii][Cc][Kk][Tt][Ii][Mm][Ee]|[Ww][Ee][Bb][Mm]|[Xx]-[Mm][Aa][Tt][Rr][Oo][Ss][Kk][Aa]"
            + "|[Xx]-[Mm][Ss][Vv][Ii][Dd][Ee][Oo]|[Mm][Pp][Ee][Gg]|3[Gg][Pp][Pp]|[Xx]-[Mm]4[Vv])[" + InputPatterns.JAVA_WHITESPACE + "]*$";
}
