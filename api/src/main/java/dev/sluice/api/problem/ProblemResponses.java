package dev.sluice.api.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/**
 * Renders problems as {@code application/problem+json}. The body is serialised here rather than by a
 * message body writer, so every error looks the same whichever layer raised it and whatever the
 * request's Accept header said.
 */
@ApplicationScoped
public class ProblemResponses {
    public static final String MEDIA_TYPE = "application/problem+json";

    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    /**
     * An HTTP error with no Sluice-specific meaning: RFC 9457's {@code about:blank} type, titled with the
     * status's reason phrase.
     */
    public Response renderStatus(int status, String instance) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        ObjectNode body = json.createObjectNode();
        body.put("type", "about:blank");
        body.put("title", type == null ? "HTTP " + status : type.getReasonPhrase());
        body.put("status", status);
        if (instance != null) {
            body.put("instance", instance);
        }
        return Response.status(status).type(MEDIA_TYPE).entity(body.toString()).build();
    }

    public Response render(Problem problem, String instance) {
        Response.ResponseBuilder response = Response.status(problem.type().status())
                .type(MEDIA_TYPE)
                .entity(json(problem, instance));
        problem.headers().forEach(response::header);
        return response.build();
    }

    /** The problem's JSON body; for answers written below JAX-RS, where no Response can be returned. */
    public String json(Problem problem, String instance) {
        ObjectNode body = json.createObjectNode();
        body.put("type", problem.type().uri().toString());
        body.put("title", problem.type().title());
        body.put("status", problem.type().status());
        if (problem.detail() != null) {
            body.put("detail", problem.detail());
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        if (!problem.errors().isEmpty()) {
            ArrayNode errors = body.putArray("errors");
            problem.errors().forEach(e -> errors.addObject().put("field", e.field()).put("message", e.message()));
        }
        problem.extensions().forEach(body::put);
        return body.toString();
    }
}
