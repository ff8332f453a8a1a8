package dev.sluice.api.invitations;

import dev.sluice.api.openapi.LimitDocs;
import dev.sluice.api.openapi.ProblemBody;
import dev.sluice.api.owner.CallerOwner;
import dev.sluice.api.problem.Problem;
import dev.sluice.api.problem.ProblemException;
import dev.sluice.api.problem.ProblemType;
import dev.sluice.core.invitations.Acceptance;
import dev.sluice.core.invitations.Invitation;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The invitee's side: accepting an invite code as the caller. The outcome comes from core's
 * {@link dev.sluice.core.invitations.InvitationStore#accept}, one transaction with the inviter's reward.
 */
@Path("/api/invitations/{code}/accept")
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
public class InvitationAcceptanceResource {
    private static final String PROBLEM = "application/problem+json";

    private final InvitationBackend backend;
    private final CallerOwner caller;

    public InvitationAcceptanceResource(InvitationBackend backend, CallerOwner caller) {
        this.backend = backend;
        this.caller = caller;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept an invite code", description = "The caller becomes the invitee: the invitation turns ACCEPTED and"
            + " the inviter's referral reward is recorded, exactly once. Accepting again as the same caller answers the same 200.")
    @APIResponse(responseCode = "200", description = "accepted (now or before, by this caller)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AcceptedInvitation.class)))
    @APIResponse(responseCode = "401", description = "no valid API key", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "403", description = "the key lacks jobs:write", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "404", description = "invitation-not-found: no invitation has this code", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "409", description = "invitation-already-accepted (by someone else), or invitation-not-sendable (it FAILED)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "410", description = "invitation-expired", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "422", description = "invitation-self-referral: the inviter cannot accept their own invitation",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "429", description = LimitDocs.RATE_LIMITED, headers = {
            @Header(name = "Retry-After", description = LimitDocs.RETRY_AFTER, schema = @Schema(type = SchemaType.INTEGER)),
            @Header(name = "RateLimit-Policy", description = LimitDocs.POLICY, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "RateLimit", description = LimitDocs.STATE, schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "503", description = "invitations not configured", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    public AcceptedInvitation accept(
            @Parameter(description = "the invite code from the SMS", schema = @Schema(type = SchemaType.STRING, example = "APP-8F3K92"))
            @PathParam("code") String code) {
        String ownerId = caller.ownerId();
        Acceptance acceptance = backend.store().accept(code, ownerId);
        if (acceptance instanceof Acceptance.Accepted accepted) {
            Invitation invitation = accepted.invitation();
            return new AcceptedInvitation(true, invitation.invitationId(), invitation.inviteCode(), invitation.status(),
                    invitation.inviterName(), invitation.acceptedAt().orElseThrow());
        }
        throw new ProblemException(refusal(acceptance));
    }

    private static Problem refusal(Acceptance acceptance) {
        if (acceptance instanceof Acceptance.AlreadyAccepted) {
            return Problem.of(ProblemType.INVITATION_ALREADY_ACCEPTED, "Someone else has accepted this invitation");
        }
        if (acceptance instanceof Acceptance.Expired) {
            return Problem.of(ProblemType.INVITATION_EXPIRED, "This invitation has expired");
        }
        if (acceptance instanceof Acceptance.SelfReferral) {
            return Problem.of(ProblemType.INVITATION_SELF_REFERRAL, "An inviter cannot accept their own invitation");
        }
        if (acceptance instanceof Acceptance.NotAcceptable) {
            return Problem.of(ProblemType.INVITATION_NOT_SENDABLE, "This invitation could not be sent and cannot be accepted");
        }
        return Problem.of(ProblemType.INVITATION_NOT_FOUND, "There is no invitation with this code");
    }
}
