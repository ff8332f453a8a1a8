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
            "/v1/uploads", Set.of("post"),
            "/v1/me/data", Set.of("delete"),
            "/api/invitations", Set.of("post", "get"),
            "/api/invitations/{invitationId}", Set.of("get"),
            "/api/invitations/{code}/accept", Set.of("post"));
    /** Signed by Twilio, not authenticated with an API key: no 401, no rate limit. */
    private static final String TWILIO_CALLBACK = "/api/invitations/status/twilio";

    @Test
    void everyRouteIsDescribedWithItsAnswersAndProblems() throws Exception {
        String json = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        JsonNode doc = new ObjectMapper().readTree(json);

        assertThat(doc.path("openapi").asText()).startsWith("3.");
        JsonNode paths = doc.path("paths");
        Set<String> all = new java.util.HashSet<>(ROUTES.keySet());
        all.add(TWILIO_CALLBACK);
        assertThat(iterable(paths.fieldNames())).containsExactlyInAnyOrderElementsOf(all);
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
        JsonNode twilio = paths.path(TWILIO_CALLBACK).path("post");
        assertThat(twilio.path("summary").asText()).isNotBlank();
        // An empty requirement: no credentials needed.
        assertThat(twilio.path("security").toString()).as("no API key").isEqualTo("[{}]");
        assertThat(twilio.path("responses").has("403")).isTrue();
        assertThat(twilio.path("parameters").toString()).contains("X-Twilio-Signature");
        assertThat(twilio.path("requestBody").path("content").has("application/x-www-form-urlencoded")).isTrue();
        assertThat(paths.path("/api/invitations").path("post").path("requestBody").path("content")
                .path("application/json").path("schema").path("$ref").asText()).endsWith("/InvitationRequest");
        assertThat(paths.path("/api/invitations").path("post").path("responses").path("201").path("headers").has("Location")).isTrue();
        assertThat(paths.path("/api/invitations/{code}/accept").path("post").path("responses").has("410")).isTrue();
        JsonNode schemes = doc.path("components").path("securitySchemes");
        assertThat(schemes.toString()).contains("\"in\":\"header\"").contains("X-Api-Key");
        assertThat(doc.path("components").path("schemas").has("Problem")).isTrue();
    }

    /** What schemathesis found missing or wrong: generated clients and testers rely on each of these. */
    @Test
    void theDocumentStatesWhatTheApiActuallyAccepts() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString());
        JsonNode paths = doc.path("paths");
        JsonNode schemas = doc.path("components").path("schemas");

        // Bearer is accepted as much as X-Api-Key: either scheme alone satisfies every route.
        assertThat(doc.path("components").path("securitySchemes").path("bearer").path("scheme").asText()).isEqualTo("bearer");
        ROUTES.forEach((path, methods) -> methods.forEach(method -> assertThat(
                paths.path(path).path(method).path("security").toString()).as(method + " " + path)
                .isEqualTo("[{\"apiKey\":[]},{\"bearer\":[]}]")));
        // The last page's nextCursor is null, which a plain string schema forbids.
        assertThat(schemas.path("JobListView").path("properties").path("nextCursor").path("type").toString())
                .isEqualTo("[\"string\",\"null\"]");
        assertThat(schemas.path("TaskView").path("properties").path("startedAt").path("type").toString()).contains("null");
        // Headers and query parameters carry the rules the API enforces.
        assertThat(paths.path("/v1/jobs").path("post").path("parameters").toString())
                .contains("\"name\":\"Idempotency-Key\"").contains("\"pattern\":\"^[!-~]{1,255}$\"");
        assertThat(paths.path("/v1/jobs").path("get").path("parameters").toString())
                .contains("\"enum\":[\"PENDING\",\"PROCESSING\",\"COMPLETED\",\"FAILED\",\"CANCELLED\"]")
                .contains("\"maximum\":100")
                // ?limit= and ?status= are read as absent, and the document must allow them.
                .contains("\"allowEmptyValue\":true");
        // One closed shape per job type, so schema-valid jobs are accepted and unknown fields are not.
        assertThat(schemas.path("JobSubmission").path("oneOf")).hasSize(2);
        for (String closed : Set.of("ImageGenerationJob", "VideoAnalysisJob", "ImageGenerationInput",
                "VideoAnalysisInput", "Vehicle", "SingleVideoInput", "UploadRequest", "InvitationRequest")) {
            assertThat(schemas.path(closed).path("additionalProperties").asBoolean(true)).as(closed).isFalse();
        }
        assertThat(schemas.path("ImageGenerationInput").path("properties").path("width").path("multipleOf").asInt()).isEqualTo(64);
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}
