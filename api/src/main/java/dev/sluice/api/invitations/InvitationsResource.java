package dev.sluice.api.invitations;

import dev.sluice.api.openapi.InvitationRequestBody;
import dev.sluice.api.openapi.LimitDocs;
import dev.sluice.api.openapi.ProblemBody;
import dev.sluice.api.owner.CallerOwner;
import dev.sluice.api.problem.FieldError;
import dev.sluice.api.problem.Problem;
import dev.sluice.api.problem.ProblemException;
import dev.sluice.api.problem.ProblemType;
import dev.sluice.core.invitations.Invitation;
import dev.sluice.core.invitations.InvitationStore;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Friend invitations by SMS. The inviter is the caller's owner; the SMS is sent later by a worker
 * ({@code sms.invite} task). Another owner's invitation answers exactly like a missing one.
 */
@Path("/api/invitations")
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
public class InvitationsResource {
    private static final String PROBLEM = "application/problem+json";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");
    static final int DEFAULT_LIMIT = 20;

    private final InvitationRequestReader reader;
    private final InvitationSubmitter submitter;
    private final InvitationBackend backend;
    private final InvitationViews views;
    private final ReferralUrls urls;
    private final CallerOwner caller;

    public InvitationsResource(InvitationRequestReader reader, InvitationSubmitter submitter, InvitationBackend backend,
                               InvitationViews views, ReferralUrls urls, CallerOwner caller) {
        this.reader = reader;
        this.submitter = submitter;
        this.backend = backend;
        this.views = views;
        this.urls = urls;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Invite a friend by SMS", description = "Records the invitation and queues its SMS; answers at once."
            + " Each inviter may create sluice.invitations.per-inviter-per-day invitations (10) per fixed UTC day; a number"
            + " invited by anyone in the last 24 hours is refused as a duplicate and nothing is sent again.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InvitationRequestBody.class)))
    @APIResponse(responseCode = "201", description = "recorded and queued; Location names the invitation",
            headers = @Header(name = "Location", description = "/api/invitations/{invitationId}", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatedInvitation.class)))
    @APIResponse(responseCode = "400", description = "malformed JSON", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "401", description = "no valid API key", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "403", description = "the key lacks jobs:write", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "413", description = "body too large", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "415", description = "not JSON", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "422", description = "invalid-phone-number (the detail never repeats the number), or validation-failed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "429", description = LimitDocs.RATE_LIMITED + "; or invitation-daily-limit: the inviter's"
            + " invitations of the current UTC day are used up (Retry-After: seconds until 00:00 UTC); or invitation-duplicate:"
            + " the number was invited in the last 24 hours (Retry-After: seconds until it may be invited again)", headers = {
            @Header(name = "Retry-After", description = LimitDocs.RETRY_AFTER, schema = @Schema(type = SchemaType.INTEGER)),
            @Header(name = "RateLimit-Policy", description = LimitDocs.POLICY, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "RateLimit", description = LimitDocs.STATE, schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "503", description = "invitations not configured, or no invitation could be created now; retry",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    public Response create(byte[] body) {
        String ownerId = caller.ownerId();
        Invitation invitation = submitter.submit(ownerId, reader.read(body));
        // Relative, like the jobs' Location: the API cannot know the public host behind a proxy.
        return Response.status(Response.Status.CREATED).header("Location", "/api/invitations/" + invitation.invitationId())
                .entity(new CreatedInvitation(true, invitation.inviteCode(), invitation.invitationId(), invitation.status(),
                        urls.of(invitation.inviteCode())))
                .build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List the caller's invitations", description = "Newest first, at most `limit` (no further pages);"
            + " numbers masked, attempts left out.")
    @APIResponse(responseCode = "200", description = "the newest invitations",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvitationListView.class)))
    @APIResponse(responseCode = "400", description = "bad limit", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "401", description = "no valid API key", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "403", description = "the key lacks jobs:read", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "429", description = LimitDocs.RATE_LIMITED, headers = {
            @Header(name = "Retry-After", description = LimitDocs.RETRY_AFTER, schema = @Schema(type = SchemaType.INTEGER)),
            @Header(name = "RateLimit-Policy", description = LimitDocs.POLICY, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "RateLimit", description = LimitDocs.STATE, schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "503", description = "invitations not configured", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    public InvitationListView list(
            @Parameter(description = "invitations to return; empty is the same as absent", allowEmptyValue = true,
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("limit") String limit) {
        String ownerId = caller.ownerId();
        int size = limit(limit);
        return new InvitationListView(backend.store().listByInviter(ownerId, size).stream()
                .map(invitation -> views.of(invitation, false)).toList());
    }

    @GET
    @Path("{invitationId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read an invitation", description = "Status (FAILED with the reason when its task failed),"
            + " masked number, code and every delivery attempt.")
    @APIResponse(responseCode = "200", description = "the invitation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "401", description = "no valid API key", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "403", description = "the key lacks jobs:read", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "404", description = "no such invitation of this inviter", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "429", description = LimitDocs.RATE_LIMITED, headers = {
            @Header(name = "Retry-After", description = LimitDocs.RETRY_AFTER, schema = @Schema(type = SchemaType.INTEGER)),
            @Header(name = "RateLimit-Policy", description = LimitDocs.POLICY, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "RateLimit", description = LimitDocs.STATE, schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "503", description = "invitations not configured", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    public InvitationView get(@PathParam("invitationId") String invitationId) {
        String ownerId = caller.ownerId();
        InvitationStore store = backend.store();
        if (!ID.matcher(invitationId).matches()) {
            throw notFound();
        }
        return store.find(invitationId)
                .filter(invitation -> invitation.inviterId().equals(ownerId))
                .map(invitation -> views.of(invitation, true))
                .orElseThrow(InvitationsResource::notFound);
    }

    private static int limit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        int value = DIGITS.matcher(limit).matches() ? Integer.parseInt(limit) : 0;
        if (value < 1 || value > InvitationStore.MAX_LIST) {
            throw new ProblemException(new Problem(ProblemType.INVALID_QUERY_PARAMETER, "1 query parameter is invalid",
                    List.of(new FieldError("limit", "must be an integer from 1 to " + InvitationStore.MAX_LIST)), Map.of(), Map.of()));
        }
        return value;
    }

    private static ProblemException notFound() {
        return new ProblemException(Problem.of(ProblemType.INVITATION_NOT_FOUND, "There is no invitation with this ID"));
    }
}
