package dev.sluice.api.limits;

import dev.sluice.core.limits.WindowCount;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;

/**
 * The rate limit on every counted response, 2xx and 4xx alike, in the structured-field form of the
 * IETF draft "RateLimit header fields for HTTP" (draft-ietf-httpapi-ratelimit-headers):
 * {@code RateLimit-Policy: "per-key";q=600;w=60} (the quota and window) and
 * {@code RateLimit: "per-key";r=42;t=17} (requests remaining, seconds until the window resets).
 * When the count could not be read (the limiter failed open) only the policy is sent: the remaining
 * quota is unknown, and a made-up one would mislead.
 */
@Provider
public class RateLimitHeaders implements ContainerResponseFilter {
    public static final String POLICY = "RateLimit-Policy";
    public static final String STATE = "RateLimit";
    static final String POLICY_NAME = "\"per-key\"";

    private final Clock clock;

    public RateLimitHeaders(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(RateLimitFilter.COUNT_PROPERTY) instanceof WindowCount count)) {
            return;
        }
        response.getHeaders().putSingle(POLICY,
                POLICY_NAME + ";q=" + count.limit() + ";w=" + count.window().length().toSeconds());
        if (count instanceof WindowCount.Uncounted) {
            return;
        }
        int remaining = count instanceof WindowCount.Allowed allowed ? allowed.remaining() : 0;
        response.getHeaders().putSingle(STATE,
                POLICY_NAME + ";r=" + remaining + ";t=" + count.window().secondsLeft(clock.instant()));
    }
}
