package dev.sluice.api.limits;

import dev.sluice.api.auth.AuthenticatedCaller;
import dev.sluice.api.problem.Problem;
import dev.sluice.api.problem.ProblemResponses;
import dev.sluice.api.problem.ProblemType;
import dev.sluice.core.auth.ApiKey;
import dev.sluice.core.limits.WindowCount;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;
import java.util.Optional;

/**
 * The per-key request rate limit. Runs right after {@link dev.sluice.api.auth.ApiKeyFilter}, so only
 * authenticated requests are counted (a flood of bad keys costs a cached lookup, not a counter write).
 * Over the limit: 429 {@code rate-limited} with {@code Retry-After} until the window ends. The count
 * is left on the request for {@link RateLimitHeaders}.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 1)
public class RateLimitFilter implements ContainerRequestFilter {
    static final String COUNT_PROPERTY = RateLimitFilter.class.getName() + ".count";

    private final AuthenticatedCaller caller;
    private final RateLimiter limiter;
    private final ProblemResponses responses;
    private final Clock clock;

    public RateLimitFilter(AuthenticatedCaller caller, RateLimiter limiter, ProblemResponses responses, Clock clock) {
        this.caller = caller;
        this.limiter = limiter;
        this.responses = responses;
        this.clock = clock;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<WindowCount> counted = caller.key().map(ApiKey::keyId).flatMap(limiter::admit);
        if (counted.isEmpty()) {
            return;
        }
        WindowCount count = counted.get();
        request.setProperty(COUNT_PROPERTY, count);
        if (count instanceof WindowCount.Exhausted) {
            long wait = count.window().secondsLeft(clock.instant());
            String detail = "This API key made " + count.limit() + " requests in the current "
                    + count.window().length().toSeconds() + "-second window, its limit; retry after " + wait + " seconds";
            request.abortWith(responses.render(Problem.of(ProblemType.RATE_LIMITED, detail).retryAfter((int) wait),
                    request.getUriInfo().getRequestUri().getRawPath()));
        }
    }
}
