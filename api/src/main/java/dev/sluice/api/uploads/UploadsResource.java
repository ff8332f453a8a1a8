package dev.sluice.api.uploads;

import dev.sluice.api.openapi.LimitDocs;
import dev.sluice.api.openapi.ProblemBody;
import dev.sluice.api.openapi.UploadRequestBody;
import dev.sluice.api.owner.CallerOwner;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Hands out presigned upload URLs: the client PUTs its video straight to S3, then names the returned
 * key in a video-analysis job. Nothing is stored here; an upload no job ever references is deleted by
 * the reaper after {@code sluice.reaper.orphans.upload-max-age}.
 */
@Path("/v1/uploads")
// Every route needs a key (ApiKeyFilter), as X-Api-Key or as a Bearer token (scheme declared on JobsResource).
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
public class UploadsResource {
    private static final String PROBLEM = "application/problem+json";
    private final UploadRequestReader reader;
    private final UploadPresigner presigner;
    private final CallerOwner caller;

    public UploadsResource(UploadRequestReader reader, UploadPresigner presigner, CallerOwner caller) {
        this.reader = reader;
        this.presigner = presigner;
        this.caller = caller;
    }

    /** 201 without a Location: there is no upload resource to GET, the object itself is the result. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get a presigned PUT for a video", description = "The URL signs size, type, SSE-KMS and tags: send exactly the returned headers.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UploadRequestBody.class)))
    @APIResponse(responseCode = "201", description = "where and how to PUT the object",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UploadTicket.class)))
    @APIResponse(responseCode = "400", description = "malformed JSON", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "401", description = "no valid API key", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "403", description = "the key lacks the scope", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "422", description = "bad content type or size, or too large", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "429", description = LimitDocs.RATE_LIMITED, headers = {
            @Header(name = "Retry-After", description = LimitDocs.RETRY_AFTER, schema = @Schema(type = SchemaType.INTEGER)),
            @Header(name = "RateLimit-Policy", description = LimitDocs.POLICY, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "RateLimit", description = LimitDocs.STATE, schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    public Response create(byte[] body) {
        UploadRequest request = reader.read(body);
        UploadTicket ticket = presigner.presign(caller.ownerId(), request);
        // The URL is a bearer credential until it expires: no cache may keep it.
        return Response.status(Response.Status.CREATED).entity(ticket).header("Cache-Control", "no-store").build();
    }
}
