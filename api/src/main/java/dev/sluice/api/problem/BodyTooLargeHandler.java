package dev.sluice.api.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bodies over {@code quarkus.http.limits.max-body-size} are refused by the HTTP layer before any JAX-RS
 * code runs, with a bare 413. This filter answers first, from the declared {@code Content-Length}, with
 * the problem body every other error has, so clients can branch on its type like on any other. A
 * chunked body without a length still meets the HTTP layer's bare 413: no client of this API sends one.
 */
@ApplicationScoped
public class BodyTooLargeHandler {
    /** Ahead of the REST layer and of everything else that reads the body. */
    private static final int PRIORITY = 1000;

    private final long limitBytes;
    private final ProblemResponses responses;

    public BodyTooLargeHandler(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit,
                               ProblemResponses responses) {
        this.limitBytes = limit.asLongValue();
        this.responses = responses;
    }

    void install(@Observes Filters filters) {
        filters.register(context -> {
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared == null || !tooLarge(declared)) {
                context.next();
                return;
            }
            Problem problem = Problem.of(ProblemType.REQUEST_TOO_LARGE,
                    "The request body is larger than " + limitBytes + " bytes");
            context.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, ProblemResponses.MEDIA_TYPE)
                    // The unread body is not drained: the connection cannot be reused.
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(responses.json(problem, context.request().path()));
        }, PRIORITY);
    }

    private boolean tooLarge(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > limitBytes;
        } catch (NumberFormatException e) {
            return false; // the HTTP layer refuses a malformed length itself
        }
    }
}
