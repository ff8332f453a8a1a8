package dev.sluice.api.openapi;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The input of an image-generation job, as {@code ImageGenerationValidator} checks it. The limits are
 * those of the default configuration ({@code sluice.api.max-prompt-length}, {@code sluice.api.max-image-size}).
 */
@Schema(name = "ImageGenerationInput", additionalProperties = Schema.False.class)
public record ImageGenerationInput(
        @Schema(required = true, minLength = 1, maxLength = 2000, pattern = InputPatterns.NOT_BLANK,
                example = "a red kite over a green hill",
                description = "not blank; at most sluice.api.max-prompt-length (2000) characters (code points)")
        String prompt,
        @Schema(minimum = "64", maximum = "1024", multipleOf = 64, defaultValue = "512",
                description = "pixels, a multiple of 64 up to sluice.api.max-image-size (1024)")
        Integer width,
        @Schema(minimum = "64", maximum = "1024", multipleOf = 64, defaultValue = "512",
                description = "pixels, a multiple of 64 up to sluice.api.max-image-size (1024)")
        Integer height) {
}
