package dev.sluice.api.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sluice.api.problem.Problem;
import dev.sluice.api.problem.ProblemException;
import dev.sluice.api.problem.ProblemType;
import java.io.IOException;

/**
 * Request bodies are parsed strictly: a duplicate key or trailing content is an error, not a silent
 * "last one wins", because two readers of the same body (a proxy, a log, this API) must never disagree
 * about what was asked. Errors are 400 problems that point at the line and column, never echo the body.
 */
public final class StrictJsonBody {
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StrictJsonBody() {
    }

    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw malformed("A JSON request body is required");
        }
        try {
            JsonNode root = STRICT.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw malformed("A JSON request body is required");
            }
            return root;
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            throw malformed(at == null ? "The request body is not valid JSON"
                    : "The request body is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
        } catch (IOException e) {
            throw malformed("The request body could not be read");
        }
    }

    public static ProblemException malformed(String detail) {
        return new ProblemException(Problem.of(ProblemType.MALFORMED_REQUEST, detail));
    }
}
