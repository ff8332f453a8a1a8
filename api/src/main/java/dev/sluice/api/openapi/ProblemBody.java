package dev.sluice.api.openapi;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The RFC 9457 problem every error answers with, as the OpenAPI document describes it. */
@Schema(name = "Problem", description = "RFC 9457 problem details; `type` is a stable URI per kind of error")
public record ProblemBody(
        @Schema(example = "https://sluice.dev/problems/validation-failed") String type,
        @Schema(example = "Request validation failed") String title,
        @Schema(example = "422") int status,
        String detail,
        String instance,
        @Schema(description = "Per-field errors, for validation problems") List<FieldErrorBody> errors) {

    /** One invalid field of a request. */
    @Schema(name = "FieldError")
    public record FieldErrorBody(@Schema(example = "input.prompt") String field,
                                 @Schema(example = "must not be blank") String message) {
    }
}
