package dev.sluice.api;

import static dev.sluice.api.Problems.assertProblem;
import static dev.sluice.api.Problems.errorFields;
import static dev.sluice.api.TestKeys.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.devstack.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad request: the right status and problem, and nothing persisted or queued. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class RequestValidationTest {
    private int itemsBefore;

    @BeforeEach
    void snapshot() {
        LocalState.purgeQueue();
        itemsBefore = LocalState.tableItems();
    }

    @AfterEach
    void nothingWasWritten() {
        assertThat(LocalState.tableItems()).as("table items").isEqualTo(itemsBefore);
        assertThat(LocalState.queuedMessages()).as("queued messages").isZero();
    }

    private static String image(String input) {
        return "{\"type\":\"image-generation\",\"input\":" + input + "}";
    }

    private static String video(String input) {
        return "{\"type\":\"video-analysis\",\"input\":" + input + "}";
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of("width not a multiple of 64", image("{\"prompt\":\"a\",\"width\":500}"), List.of("input.width")),
                Arguments.of("width too large", image("{\"prompt\":\"a\",\"width\":2048}"), List.of("input.width")),
                Arguments.of("width zero", image("{\"prompt\":\"a\",\"width\":0}"), List.of("input.width")),
                Arguments.of("height too small", image("{\"prompt\":\"a\",\"height\":32}"), List.of("input.height")),
                Arguments.of("height negative", image("{\"prompt\":\"a\",\"height\":-64}"), List.of("input.height")),
                Arguments.of("width as a string", image("{\"prompt\":\"a\",\"width\":\"512\"}"), List.of("input.width")),
                Arguments.of("width as a decimal", image("{\"prompt\":\"a\",\"width\":512.0}"), List.of("input.width")),
                Arguments.of("width beyond int", image("{\"prompt\":\"a\",\"width\":99999999999}"), List.of("input.width")),
                Arguments.of("width null", image("{\"prompt\":\"a\",\"width\":null}"), List.of("input.width")),
                Arguments.of("prompt missing", image("{\"width\":512}"), List.of("input.prompt")),
                Arguments.of("prompt null", image("{\"prompt\":null}"), List.of("input.prompt")),
                Arguments.of("prompt blank", image("{\"prompt\":\" \\t\\n \"}"), List.of("input.prompt")),
                Arguments.of("prompt empty", image("{\"prompt\":\"\"}"), List.of("input.prompt")),
                Arguments.of("prompt too long", image("{\"prompt\":\"" + "x".repeat(2001) + "\"}"), List.of("input.prompt")),
                Arguments.of("prompt a number", image("{\"prompt\":42}"), List.of("input.prompt")),
                Arguments.of("unknown input field", image("{\"prompt\":\"a\",\"seed\":7}"), List.of("input.seed")),
                Arguments.of("several errors at once", image("{\"width\":500,\"height\":2048,\"steps\":1}"),
                        List.of("input.steps", "input.prompt", "input.width", "input.height")),
                Arguments.of("unknown type", "{\"type\":\"text-generation\",\"input\":{\"prompt\":\"a\"}}", List.of("type")),
                Arguments.of("type missing", "{\"input\":{\"prompt\":\"a\"}}", List.of("type")),
                Arguments.of("type not a string", "{\"type\":7,\"input\":{\"prompt\":\"a\"}}", List.of("type")),
                Arguments.of("input missing", "{\"type\":\"image-generation\"}", List.of("input")),
                Arguments.of("input an array", image("[]"), List.of("input")),
                Arguments.of("input a string", image("\"a cat\""), List.of("input")),
                Arguments.of("unknown top-level field", "{\"type\":\"image-generation\",\"input\":{\"prompt\":\"a\"},\"priority\":1}",
                        List.of("priority")),
                Arguments.of("body an array", "[]", List.of("body")),
                Arguments.of("body a string", "\"job\"", List.of("body")),
                // An empty input is read as the current shape (vehicle and videos), not the single-videoKey one.
                Arguments.of("video input empty", video("{}"), List.of("input.vehicle", "input.videos")),
                Arguments.of("videoKey not a string", video("{\"videoKey\":[\"uploads/local/a.mp4\"]}"), List.of("input.videoKey")),
                Arguments.of("videoKey outside uploads", video("{\"videoKey\":\"outputs/local/a.mp4\"}"), List.of("input.videoKey")),
                Arguments.of("videoKey of another owner", video("{\"videoKey\":\"uploads/other/a.mp4\"}"), List.of("input.videoKey")),
                Arguments.of("videoKey just the prefix", video("{\"videoKey\":\"uploads/local/\"}"), List.of("input.videoKey")),
                Arguments.of("videoKey with dot segments", video("{\"videoKey\":\"uploads/local/../other/a.mp4\"}"),
                        List.of("input.videoKey")),
                Arguments.of("videoKey with an empty segment", video("{\"videoKey\":\"uploads/local//a.mp4\"}"),
                        List.of("input.videoKey")),
                Arguments.of("video input with image fields", video("{\"videoKey\":\"uploads/local/a.mp4\",\"prompt\":\"a\"}"),
                        List.of("input.prompt")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void ruleViolationsAre422WithEveryFieldListed(String name, String body, List<String> fields) {
        Response response = post(body);

        assertProblem(response, 422, "validation-failed", "/v1/jobs");
        assertThat(errorFields(response)).containsExactlyInAnyOrderElementsOf(fields);
    }

    @Test
    void aBodyOverTheSizeLimitIs413WithAProblemAndWritesNothing() {
        String prompt = "x".repeat(70 * 1024);
        Response response = given().contentType(ContentType.JSON)
                .body(image("{\"prompt\":\"" + prompt + "\",\"width\":256,\"height\":256}").getBytes(StandardCharsets.UTF_8))
                .when().post("/v1/jobs");

        assertProblem(response, 413, "request-too-large", "/v1/jobs");
        assertThat(response.jsonPath().getString("detail")).contains("65536");
    }

    @Test
    void promptLengthCountsCharactersNotUtf16Units() {
        // 2000 emoji are 4000 UTF-16 units but 2000 characters: allowed. One more is not.
        String limit = "\uD83E\uDD8A".repeat(2000);
        Response accepted = post(image("{\"prompt\":\"" + limit + "\"}"));
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        LocalState.drainQueue();
        itemsBefore = LocalState.tableItems();

        Response rejected = post(image("{\"prompt\":\"" + limit + "\uD83E\uDD8A\"}"));
        assertProblem(rejected, 422, "validation-failed", "/v1/jobs");
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("truncated", "{\"type\":\"image-generation\",\"input\":"),
                Arguments.of("not json", "type=image-generation"),
                Arguments.of("empty", ""),
                Arguments.of("trailing tokens", image("{\"prompt\":\"a\"}") + " {}"),
                Arguments.of("duplicate keys", "{\"type\":\"image-generation\",\"type\":\"video-analysis\",\"input\":{}}"),
                Arguments.of("single quotes", "{'type':'image-generation'}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void malformedJsonIs400(String name, String body) {
        Response response = post(body);

        assertProblem(response, 400, "malformed-request", "/v1/jobs");
        assertThat(response.jsonPath().getString("detail")).doesNotContain("image-generation");
    }

    @Test
    void wrongContentTypeIs415() {
        Response response = given().contentType(ContentType.TEXT).body(image("{\"prompt\":\"a\"}"))
                .when().post("/v1/jobs");
        assertProblem(response, 415, "unsupported-media-type", "/v1/jobs");

        Response form = given().contentType(ContentType.URLENC).body("type=image-generation")
                .when().post("/v1/jobs");
        assertProblem(form, 415, "unsupported-media-type", "/v1/jobs");
    }

    @Test
    void aBodyWithoutContentTypeIs415() {
        Response response = given().body(image("{\"prompt\":\"a\"}").getBytes(StandardCharsets.UTF_8)).when().post("/v1/jobs");
        assertProblem(response, 415, "unsupported-media-type", "/v1/jobs");
    }

    @Test
    void anAcceptHeaderWithoutJsonIs406() {
        Response response = given().accept("application/xml").when().get("/v1/jobs/" + java.util.UUID.randomUUID());
        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).isEqualTo(Problems.BASE + "not-acceptable");
    }

    @Test
    void invalidIdempotencyKeysAre400() {
        for (String key : List.of("has space", "x".repeat(256), "caf\u00e9", "tab\tkey")) {
            Response response = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                    .body(image("{\"prompt\":\"a\"}").getBytes(StandardCharsets.UTF_8)).when().post("/v1/jobs");
            assertProblem(response, 400, "invalid-idempotency-key", "/v1/jobs");
        }
    }

    @Test
    void anEmptyOrRepeatedIdempotencyKeyIs400NotIgnored() {
        int messages = LocalState.queuedMessages();
        Response empty = given().contentType(ContentType.JSON).header("Idempotency-Key", "")
                .body(image("{\"prompt\":\"a\"}").getBytes(StandardCharsets.UTF_8)).when().post("/v1/jobs");
        assertProblem(empty, 400, "invalid-idempotency-key", "/v1/jobs");

        Response twice = given().contentType(ContentType.JSON).header("Idempotency-Key", "one")
                .header("Idempotency-Key", "two")
                .body(image("{\"prompt\":\"a\"}").getBytes(StandardCharsets.UTF_8)).when().post("/v1/jobs");
        assertProblem(twice, 400, "invalid-idempotency-key", "/v1/jobs");
        assertThat(LocalState.queuedMessages()).as("no job was submitted").isEqualTo(messages);
    }

    @Test
    void optionsListsTheMethodsOfThePathNotOfTheWholeResource() {
        Response collection = given().when().options("/v1/jobs");
        assertThat(collection.statusCode()).isEqualTo(200);
        assertThat(collection.header("Allow")).isEqualTo("GET, HEAD, OPTIONS, POST");

        Response job = given().when().options("/v1/jobs/" + java.util.UUID.randomUUID());
        assertThat(job.statusCode()).isEqualTo(200);
        assertThat(job.header("Allow")).isEqualTo("DELETE, GET, HEAD, OPTIONS");

        assertThat(given().when().options("/v1/uploads").header("Allow")).isEqualTo("OPTIONS, POST");
    }

    @Test
    void unknownRoutesAre404Problems() {
        assertProblem(given().when().get("/v1/nothing-here"), 404, "not-found", "/v1/nothing-here");
        assertProblem(given().when().get("/v1/jobs/a/b"), 404, "not-found", "/v1/jobs/a/b");
    }

    @Test
    void wrongMethodsAre405ProblemsWithAllow() {
        String job = "/v1/jobs/" + java.util.UUID.randomUUID();
        Response patch = given().when().patch(job);
        assertProblem(patch, 405, "method-not-allowed", job);
        assertThat(patch.header("Allow")).isEqualTo("DELETE, GET, HEAD, OPTIONS");

        Response delete = given().when().delete("/v1/jobs");
        assertProblem(delete, 405, "method-not-allowed", "/v1/jobs");
        assertThat(delete.header("Allow")).isEqualTo("GET, HEAD, OPTIONS, POST");
    }

    private static Response post(String body) {
        return given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8)).when().post("/v1/jobs");
    }
}
