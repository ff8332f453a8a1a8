package dev.sluice.api.openapi;

import dev.sluice.core.invitations.PhoneNumbers;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/invitations}, described for the OpenAPI document (the API reads bytes). */
@Schema(name = "InvitationRequest", additionalProperties = Schema.False.class)
public record InvitationRequestBody(
        @Schema(required = true, example = "+14155552671", maxLength = PhoneNumbers.MAX_LENGTH, pattern = PhoneNumbers.INTERNATIONAL_FORMAT,
                description = "international format: + and the country code (E.164, spaces, hyphens, dots and parentheses"
                        + " allowed); must be a valid number for its country")
        String phoneNumber,
        @Schema(example = "Ana", minLength = 1, maxLength = 40, pattern = "^[^\\x00-\\x1F\\x7F]+$",
                description = "shown to the invitee; printable, not blank; default sluice.invitations.default-inviter-name")
        String inviterName) {
}
