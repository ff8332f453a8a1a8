package dev.sluice.api.openapi;

/**
 * Texts of the 429 answers and the rate-limit headers in the OpenAPI document, shared by every route
 * (annotation values must be constants).
 */
public final class LimitDocs {
    public static final String RATE_LIMITED = "rate-limited: this API key's requests per window are used up;"
            + " retry after Retry-After seconds";
    public static final String RATE_OR_ACTIVE_JOBS = RATE_LIMITED + "; or active-jobs-limit: the owner has as many"
            + " unfinished jobs as allowed (an idempotent replay of an existing job is still answered 202)";
    public static final String RETRY_AFTER = "seconds to wait before retrying";
    public static final String POLICY = "the key's quota and window, e.g. \"per-key\";q=600;w=60"
            + " (IETF draft-ietf-httpapi-ratelimit-headers); on every authenticated response";
    public static final String STATE = "requests remaining and seconds until the window resets, e.g."
            + " \"per-key\";r=0;t=17; on every authenticated response";

    private LimitDocs() {
    }
}
