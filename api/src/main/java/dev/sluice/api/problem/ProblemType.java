package dev.sluice.api.problem;

import java.net.URI;

/**
 * Every kind of error the API reports, each with a stable type URI (RFC 9457). Clients branch on the
 * URI, never on the title or detail, so a URI must not change once published.
 */
public enum ProblemType {
    VALIDATION_FAILED("validation-failed", 422, "The request is invalid"),
    UPLOAD_NOT_FOUND("upload-not-found", 422, "The referenced upload does not exist"),
    UPLOAD_TOO_LARGE("upload-too-large", 422, "The upload is larger than allowed"),
    MALFORMED_REQUEST("malformed-request", 400, "The request body is not valid JSON"),
    REQUEST_TOO_LARGE("request-too-large", 413, "The request body is too large"),
    INVALID_IDEMPOTENCY_KEY("invalid-idempotency-key", 400, "The Idempotency-Key header is invalid"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "The Idempotency-Key was used for a different request"),
    IDEMPOTENCY_KEY_IN_FLIGHT("idempotency-key-in-flight", 409, "A request with this Idempotency-Key is in progress"),
    INVALID_QUERY_PARAMETER("invalid-query-parameter", 400, "A query parameter is invalid"),
    INVALID_CURSOR("invalid-cursor", 400, "The cursor is invalid"),
    UNAUTHENTICATED("unauthenticated", 401, "Authentication required"),
    FORBIDDEN("forbidden", 403, "The API key does not allow this"),
    JOB_NOT_FOUND("job-not-found", 404, "No such job"),
    JOB_NOT_CANCELLABLE("job-not-cancellable", 409, "The job has already finished"),
    NOT_FOUND("not-found", 404, "No such resource"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "No acceptable representation"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    RATE_LIMITED("rate-limited", 429, "Too many requests with this API key"),
    ACTIVE_JOBS_LIMIT("active-jobs-limit", 429, "Too many unfinished jobs"),
    ENQUEUE_FAILED("enqueue-failed", 503, "The job was saved but could not be queued"),
    SERVICE_UNAVAILABLE("service-unavailable", 503, "A backing service is unavailable"),
    INTERNAL_ERROR("internal-error", 500, "Internal error"),
    // Invitations (/api/invitations).
    INVALID_PHONE_NUMBER("invalid-phone-number", 422, "The phone number is not a valid international number"),
    INVITATION_DAILY_LIMIT("invitation-daily-limit", 429, "Today's invitations are used up"),
    INVITATION_DUPLICATE("invitation-duplicate", 429, "This number was invited in the last 24 hours"),
    INVITATION_NOT_FOUND("invitation-not-found", 404, "No such invitation"),
    INVITATION_ALREADY_ACCEPTED("invitation-already-accepted", 409, "The invitation was accepted by someone else"),
    INVITATION_EXPIRED("invitation-expired", 410, "The invitation has expired"),
    INVITATION_SELF_REFERRAL("invitation-self-referral", 422, "An inviter cannot accept their own invitation"),
    INVITATION_NOT_SENDABLE("invitation-not-sendable", 409, "The invitation could not be sent"),
    INVALID_SIGNATURE("invalid-signature", 403, "The request signature is missing or invalid");

    public static final String BASE_URI = "https://sluice.dev/problems/";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public URI uri() {
        return URI.create(BASE_URI + slug);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
