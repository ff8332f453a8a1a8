package dev.sluice.api.erasure;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sluice.api.jobs.submit.AcceptedJob;
import dev.sluice.api.jobs.submit.IdempotencyKey;
import dev.sluice.api.openapi.LimitDocs;
import dev.sluice.api.jobs.submit.JobSubmitter;
import dev.sluice.api.jobs.submit.RequestHash;
import dev.sluice.api.jobs.submit.SubmissionAnswer;
import dev.sluice.api.openapi.ProblemBody;
import dev.sluice.api.owner.CallerOwner;
import dev.sluice.core.job.JobType;
import dev.sluice.core.job.NewJob;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The caller's right to erasure (GDPR Art. 17). The request only creates a {@code data-erasure} job,
 * through the same store and queue as every job, and answers 202 with it; a worker erases and the
 * client follows the job at its Location. It does not go through POST /v1/jobs, so none of that
 * route's limits can stand in the way of an erasure.
 */
@Path("/v1/me/data")
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
public class ErasureResource {
    private static final String PROBLEM = "application/problem+json";
    /** Every erasure request is the same request: an Idempotency-Key used for another body is refused. */
    static final String REQUEST_HASH = RequestHash.of(JsonNodeFactory.instance.objectNode()
            .put("type", JobType.DATA_ERASURE.wireName()));

    private final JobSubmitter submitter;
    private final SubmissionAnswer answer;
    private final CallerOwner caller;

    public ErasureResource(JobSubmitter submitter, SubmissionAnswer answer, CallerOwner caller) {
        this.submitter = submitter;
        this.answer = answer;
        this.caller = caller;
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Erase all of the caller's data",
            description = "Creates a data-erasure job and answers at once. The job cancels the caller's unfinished jobs,"
                    + " then deletes every job, task, idempotency record, upload and output of the caller (every S3"
                    + " version too); only a non-personal audit record (hashed owner, counts, times) remains. Jobs"
                    + " submitted after this request are not covered. Poll the job at Location; its output is the summary.")
    @APIResponse(responseCode = "202", description = "erasure job accepted (or replayed, with Idempotent-Replayed: true)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AcceptedJob.class)))
    @APIResponse(responseCode = "400", description = "invalid Idempotency-Key", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "401", description = "no valid API key", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "403", description = "the key lacks jobs:write", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "409", description = "same Idempotency-Key still in flight", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key already used for another request", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "503", description = "saved but not queued; retry with the same Idempotency-Key", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "429", description = LimitDocs.RATE_LIMITED, headers = {
            @Header(name = "Retry-After", description = LimitDocs.RETRY_AFTER, schema = @Schema(type = SchemaType.INTEGER)),
            @Header(name = "RateLimit-Policy", description = LimitDocs.POLICY, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "RateLimit", description = LimitDocs.STATE, schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    public Response erase(
            @Parameter(name = IdempotencyKey.HEADER, in = ParameterIn.HEADER,
                    description = "makes the request safe to retry: the same key answers the same erasure job",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[!-~]{1,255}$"))
            @Context HttpHeaders headers) {
        var key = IdempotencyKey.fromHeaders(headers.getRequestHeader(IdempotencyKey.HEADER));
        NewJob job = new NewJob(caller.ownerId(), JobType.DATA_ERASURE, "{}", key.map(IdempotencyKey::value),
                REQUEST_HASH);
        return answer.of(submitter.submit(job), key.isPresent());
    }
}
