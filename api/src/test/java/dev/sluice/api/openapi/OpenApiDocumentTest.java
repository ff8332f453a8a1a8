package dev.sluice.api.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.devstack.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** /q/openapi describes every route, its bodies, its answers and their problem schema, and the API key. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class OpenApiDocumentTest {
    private static final Map<String, Set<String>> ROUTES = Map.of(
            "/v1/jobs", Set.of("post", "get"),
            "/v1/jobs/{jobId}", Set.of("get", "delete"),
            "/v1/uploads", Set.of("post"));

    @Test
    void everyRouteIsDescribedWithItsAnswersAndProblems() throws Exception {
        String json = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        JsonNode doc = new ObjectMapper().readTree(json);

        assertThat(doc.path("openapi").asText()).startsWith("3.");
        JsonNode paths = doc.path("paths");
        assertThat(iterable(paths.fieldNames())).containsExactlyInAnyOrderElementsOf(ROUTES.keySet());
        ROUTES.forEach((path, methods) -> methods.forEach(method -> {
            JsonNode operation = paths.path(path).path(method);
            assertThat(operation.path("summary").asText()).as(method + " " + path).isNotBlank();
            JsonNode responses = operation.path("responses");
            assertThat(responses.has("401")).as(method + " " + path + " documents 401").isTrue();
            assertThat(responses.path("429").path("headers").has("Retry-After")).as(method + " " + path
                    + " documents the rate limit's 429 with Retry-After").isTrue();
            assertThat(responses.path("429").path("headers").has("RateLimit")).isTrue();
            responses.fieldNames().forEachRemaining(code -> {
                if (code.startsWith("4") || code.startsWith("5")) {
                    assertThat(responses.path(code).path("content").path("application/problem+json")
                            .path("schema").path("$ref").asText()).as(method + " " + path + " " + code)
                            .endsWith("/Problem");
                }
            });
            assertThat(operation.path("security").isArray()).as(method + " " + path + " needs the key").isTrue();
        }));
        assertThat(paths.path("/v1/jobs").path("post").path("requestBody").path("content")
                .path("application/json").path("schema").path("$ref").asText()).endsWith("/JobSubmission");
        assertThat(paths.path("/v1/uploads").path("post").path("requestBody").path("content")
                .path("application/json").path("schema").path("$ref").asText()).endsWith("/UploadRequest");
        JsonNode schemes = doc.path("components").path("securitySchemes");
        assertThat(schemes.toString()).contains("\"in\":\"header\"").contains("X-Api-Key");
        assertThat(doc.path("components").path("schemas").has("Problem")).isTrue();
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}
