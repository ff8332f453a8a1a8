package dev.sluice.api.jobs;

import dev.sluice.api.jobs.cancel.JobCancellation;
import dev.sluice.api.jobs.list.JobListing;
import dev.sluice.api.jobs.submit.AcceptedJob;
import dev.sluice.api.jobs.submit.IdempotencyKey;
import dev.sluice.api.jobs.submit.JobRequestReader;
import dev.sluice.api.jobs.submit.JobSubmitter;
import dev.sluice.api.jobs.submit.SubmissionAnswer;
import dev.sluice.api.jobs.submit.ValidatedJobRequest;
import dev.sluice.api.jobs.view.JobListView;
import dev.sluice.api.jobs.view.JobView;
import dev.sluice.api.jobs.view.JobViews;
import dev.sluice.api.openapi.JobSubmission;
import dev.sluice.api.openapi.LimitDocs;
import dev.sluice.api.openapi.ProblemBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import dev.sluice.api.owner.CallerOwner;
import dev.sluice.api.problem.Problem;
import dev.sluice.api.problem.ProblemException;
import dev.sluice.api.problem.ProblemType;
import dev.sluice.api.metrics.SubmissionMetrics;
import dev.sluice.core.job.JobType;
import dev.sluice.core.job.NewJob;
import dev.sluice.core.store.JobStore;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Submits jobs and reports on them. Submission answers 202 as soon as the job is persisted and queued;
 * it never waits for inference.
 */
@Path("/v1/jobs")
// Every route needs a key (ApiKeyFilter), sent either way; the document says so for clients and generators.
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key (slk_...) as Authorization: Bearer <key>; the alternative to X-Api-Key")
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
public class JobsResource {
    private static final String PROBLEM = "application/problem+json";
    /** Job IDs are UUIDs; anything else cannot exist and is answered without a database read. */
    private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final JobRequestReader reader;
    private final JobSubmitter submitter;
    private final JobStore store;
    private final JobViews views;
    private final CallerOwner caller;
    private final SubmissionAnswer answer;
    private final SubmissionMetrics submissions;
    private final JobListing listing;
    private final JobCancellation cancellation;

    public JobsResource(JobRequestReader reader, JobSubmitter submitter, JobStore store, JobViews views,
                        CallerOwner caller, SubmissionMetrics submissions, JobListing listing,
                        JobCancellation cancellation, SubmissionAnswer answer) {
        this.listing = listing;
        this.cancellation = cancellation;
        this.submissions = submissions;
        this.reader = reader;
        this.submitter = submitter;
        this.store = store;
        this.views = views;
        this.caller = caller;
        this.answer = answer;
    }

    /** The body is taken as bytes and parsed by {@link JobRequestReader} so JSON errors are told apart from rule violations. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a job", description = "Persists and queues the job, answers at once; never waits for inference.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = JobSubmission.class)))
    @APIResponse(responseCode = "202", description = "accepted (or replayed, with Idempotent-Replayed: true)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AcceptedJob.class)))
    @APIResponse(responseCode = "400", description = "malformed JSON, or an invalid Idempotency-Key", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "401", description = "no valid API key", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "403", description = "the key lacks the scope", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "409", description = "same Idempotency-Key still in flight", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "413", description = "body too large", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "415", description = "not JSON", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "422", description = "invalid job, or Idempotency-Key reused with another body", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "503", description = "saved but not queued; retry with the same Idempotency-Key", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "429", description = LimitDocs.RATE_OR_ACTIVE_JOBS, headers = {
            @Header(name = "Retry-After", description = LimitDocs.RETRY_AFTER, schema = @Schema(type = SchemaType.INTEGER)),
            @Header(name = "RateLimit-Policy", description = LimitDocs.POLICY, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "RateLimit", description = LimitDocs.STATE, schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    public Response submit(
            @Parameter(name = IdempotencyKey.HEADER, in = ParameterIn.HEADER,
                    description = "makes the submission safe to retry: the same key and body answer the same job",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[!-~]{1,255}$"))
            @Context HttpHeaders headers, byte[] body) {
        JobType type = null;
        try {
            var key = IdempotencyKey.fromHeaders(headers.getRequestHeader(IdempotencyKey.HEADER));
            String ownerId = caller.ownerId();
            ValidatedJobRequest request = reader.read(body, ownerId);
            type = request.type();
            return submit(request, key, ownerId);
        } catch (ProblemException e) {
            if (e.problem().type().status() < 500) {
                submissions.rejected(type);
            }
            throw e;
        }
    }

    private Response submit(ValidatedJobRequest request, Optional<IdempotencyKey> key, String ownerId) {
        NewJob job = new NewJob(ownerId, request.type(), request.input().toString(),
                key.map(IdempotencyKey::value), request.requestHash(), request.objectKeys());

        return answer.of(submitter.submit(job), key.isPresent());
    }

    /** Another owner's job answers exactly like a missing one, so job IDs cannot be probed. */
    @GET
    @Path("{jobId}")
    @Operation(summary = "Read a job", description = "Status, tasks and, once COMPLETED, the output with a presigned URL.")
    @APIResponse(responseCode = "200", description = "the job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "401", description = "no valid API key", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "403", description = "the key lacks the scope", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "404", description = "no such job for this owner", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "429", description = LimitDocs.RATE_LIMITED, headers = {
            @Header(name = "Retry-After", description = LimitDocs.RETRY_AFTER, schema = @Schema(type = SchemaType.INTEGER)),
            @Header(name = "RateLimit-Policy", description = LimitDocs.POLICY, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "RateLimit", description = LimitDocs.STATE, schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @Produces(MediaType.APPLICATION_JSON)
    public JobView get(@PathParam("jobId") String jobId) {
        String ownerId = caller.ownerId();
        if (!JOB_ID.matcher(jobId).matches()) {
            throw notFound();
        }
        return store.find(jobId)
                .filter(job -> job.ownerId().equals(ownerId))
                .map(views::of)
                .orElseThrow(JobsResource::notFound);
    }

    /** The caller's jobs, newest first; see {@link JobListing} for the parameters and their checks. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List the caller's jobs", description = "Newest first; pass nextCursor back as cursor for the next page.")
    @APIResponse(responseCode = "200", description = "a page of jobs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobListView.class)))
    @APIResponse(responseCode = "400", description = "bad status, limit or cursor", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "401", description = "no valid API key", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "403", description = "the key lacks the scope", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "429", description = LimitDocs.RATE_LIMITED, headers = {
            @Header(name = "Retry-After", description = LimitDocs.RETRY_AFTER, schema = @Schema(type = SchemaType.INTEGER)),
            @Header(name = "RateLimit-Policy", description = LimitDocs.POLICY, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "RateLimit", description = LimitDocs.STATE, schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    public JobListView list(
            @Parameter(description = "only jobs with this status; empty is the same as absent", allowEmptyValue = true,
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"PENDING", "PROCESSING", "COMPLETED", "FAILED", "CANCELLED"}))
            @QueryParam("status") String status,
            @Parameter(description = "jobs per page; empty is the same as absent", allowEmptyValue = true, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "100", defaultValue = "20"))
            @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page; opaque, bound to the caller; empty is the same as absent",
                    allowEmptyValue = true)
            @QueryParam("cursor") String cursor) {
        return listing.list(caller.ownerId(), status, limit, cursor);
    }

    /**
     * Cancels an unfinished job: 202 with the job now CANCELLED (a running task stops at its worker's
     * next heartbeat). Cancelling a cancelled job again is 200 with the job; a COMPLETED or FAILED job
     * is 409. Another owner's job answers like a missing one.
     */
    @DELETE
    @Path("{jobId}")
    @Operation(summary = "Cancel a job", description = "A running task stops at its worker's next heartbeat; a pending one never starts.")
    @APIResponse(responseCode = "202", description = "cancelled now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "200", description = "was already cancelled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "401", description = "no valid API key", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "403", description = "the key lacks the scope", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "404", description = "no such job for this owner", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "409", description = "already COMPLETED or FAILED", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "429", description = LimitDocs.RATE_LIMITED, headers = {
            @Header(name = "Retry-After", description = LimitDocs.RETRY_AFTER, schema = @Schema(type = SchemaType.INTEGER)),
            @Header(name = "RateLimit-Policy", description = LimitDocs.POLICY, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "RateLimit", description = LimitDocs.STATE, schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @Produces(MediaType.APPLICATION_JSON)
    public Response cancel(@PathParam("jobId") String jobId) {
        String ownerId = caller.ownerId();
        if (!JOB_ID.matcher(jobId).matches()) {
            throw notFound();
        }
        JobCancellation.Result result = cancellation.cancel(ownerId, jobId).orElseThrow(JobsResource::notFound);
        if (result instanceof JobCancellation.Result.Finished finished) {
            throw new ProblemException(Problem.of(ProblemType.JOB_NOT_CANCELLABLE,
                    "The job is " + finished.job().status() + " and can no longer be cancelled"));
        }
        Response.Status status = result instanceof JobCancellation.Result.Cancelled
                ? Response.Status.ACCEPTED : Response.Status.OK;
        return Response.status(status).entity(views.of(result.job())).build();
    }

    private static ProblemException notFound() {
        return new ProblemException(Problem.of(ProblemType.JOB_NOT_FOUND, "There is no job with this ID"));
    }
}
