package dev.sluice.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sluice.api.config.SluiceConfig;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns every exception that leaves a resource, or that the framework raises before one is reached
 * (unknown route, wrong method, wrong content type), into an RFC 9457 problem. The most specific
 * mapper wins, so {@link #unexpected} only sees what nothing else recognised.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final ProblemResponses responses;
    private final AllowedMethods allowedMethods;
    private final int retryAfterSeconds;

    public ProblemMappers(ProblemResponses responses, AllowedMethods allowedMethods, SluiceConfig config) {
        this.responses = responses;
        this.allowedMethods = allowedMethods;
        this.retryAfterSeconds = config.api().retryAfterSeconds();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return responses.render(e.problem(), path(uri));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return responses.render(Problem.of(ProblemType.NOT_FOUND, "There is no resource at this path"), path(uri));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        Problem problem = Problem.of(ProblemType.METHOD_NOT_ALLOWED, "This resource does not support the method");
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow == null) {
            allow = allowedMethods.forPath(uri.getPath()).orElse(null);
        }
        return responses.render(allow == null ? problem : problem.withHeader(HttpHeaders.ALLOW, allow), path(uri));
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e, UriInfo uri) {
        return responses.render(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "Send the request body as Content-Type: application/json"), path(uri));
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, UriInfo uri) {
        return responses.render(Problem.of(ProblemType.NOT_ACCEPTABLE,
                "This resource produces application/json"), path(uri));
    }

    /** Any other framework-raised HTTP error keeps its status, without the framework's wording. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        return responses.renderStatus(status, path(uri));
    }

    /** Request bodies are parsed by hand, but a Jackson-bound parameter added later must still answer 400. */
    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return responses.render(Problem.of(ProblemType.MALFORMED_REQUEST, "The request body is not valid JSON"),
                path(uri));
    }

    /**
     * AWS failures a retry can cure (no connection, timeouts, 5xx, throttling) are 503 with Retry-After;
     * the rest (missing table, access denied) are misconfiguration and answer like any other bug.
     */
    @ServerExceptionMapper
    public Response aws(SdkException e, UriInfo uri) {
        boolean curable = e instanceof SdkClientException
                || e.retryable()
                || (e instanceof AwsServiceException service
                        && (service.statusCode() >= 500 || service.isThrottlingException()));
        if (!curable) {
            return unexpected(e, uri);
        }
        LOG.warnf("AWS unavailable on %s: %s", path(uri), e.toString());
        return responses.render(Problem.of(ProblemType.SERVICE_UNAVAILABLE, "A backing service did not answer; retry later")
                .retryAfter(retryAfterSeconds), path(uri));
    }

    /** Logs the cause under a random ID and answers only that ID: internals never reach the client. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, path(uri));
        return responses.render(Problem.of(ProblemType.INTERNAL_ERROR,
                        "An unexpected error occurred; quote errorId when reporting it")
                .withExtension("errorId", errorId), path(uri));
    }

    private static String path(UriInfo uri) {
        try {
            return uri.getRequestUri().getRawPath();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
