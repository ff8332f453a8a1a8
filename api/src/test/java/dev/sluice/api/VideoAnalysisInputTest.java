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
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The video-analysis input with vehicle and videos: every broken rule is a 422 naming its field, nothing is written. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class VideoAnalysisInputTest {
    private static final String KEY = "\"uploads/local/a.mp4\"";
    private static final String VEHICLE = "{\"licencePlate\":\"AB12CDE\",\"vin\":\"1M8GDM9AXKP042788\"}";
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

    private static String video(String vehicle, String videos) {
        return "{\"type\":\"video-analysis\",\"input\":{\"vehicle\":" + vehicle + ",\"videos\":" + videos + "}}";
    }

    private static String vehicle(String plate, String vin, String region) {
        return "{\"licencePlate\":" + plate + ",\"vin\":" + vin + (region == null ? "" : ",\"vinRegion\":" + region) + "}";
    }

    static Stream<Arguments> invalidInputs() {
        String eleven = IntStream.range(0, 11).mapToObj(i -> "\"uploads/local/" + i + ".mp4\"")
                .collect(Collectors.joining(",", "[", "]"));
        return Stream.of(
                Arguments.of("empty input", "{\"type\":\"video-analysis\",\"input\":{}}", List.of("input.vehicle", "input.videos")),
                Arguments.of("vehicle missing", "{\"type\":\"video-analysis\",\"input\":{\"videos\":[" + KEY + "]}}",
                        List.of("input.vehicle")),
                Arguments.of("vehicle a string", video("\"AB12CDE\"", "[" + KEY + "]"), List.of("input.vehicle")),
                Arguments.of("plate and vin missing", video("{}", "[" + KEY + "]"),
                        List.of("input.vehicle.licencePlate", "input.vehicle.vin")),
                Arguments.of("plate too long", video(vehicle("\"ABCDEF 123456\"", "\"1M8GDM9AXKP042788\"", null), "[" + KEY + "]"),
                        List.of("input.vehicle.licencePlate")),
                Arguments.of("plate with punctuation", video(vehicle("\"AB.12\"", "\"1M8GDM9AXKP042788\"", null), "[" + KEY + "]"),
                        List.of("input.vehicle.licencePlate")),
                Arguments.of("plate a number", video(vehicle("1234", "\"1M8GDM9AXKP042788\"", null), "[" + KEY + "]"),
                        List.of("input.vehicle.licencePlate")),
                Arguments.of("vin too short", video(vehicle("\"AB12\"", "\"1M8GDM9AXKP04278\"", null), "[" + KEY + "]"),
                        List.of("input.vehicle.vin")),
                Arguments.of("vin with O", video(vehicle("\"AB12\"", "\"1M8GDM9AXKP0427O8\"", null), "[" + KEY + "]"),
                        List.of("input.vehicle.vin")),
                Arguments.of("NA vin with a wrong check digit", video(vehicle("\"AB12\"", "\"1M8GDM9A1KP042788\"", "\"NA\""),
                        "[" + KEY + "]"), List.of("input.vehicle.vin")),
                Arguments.of("unknown vin region", video(vehicle("\"AB12\"", "\"1M8GDM9AXKP042788\"", "\"US\""), "[" + KEY + "]"),
                        List.of("input.vehicle.vinRegion")),
                Arguments.of("unknown vehicle field", video("{\"licencePlate\":\"AB12\",\"vin\":\"1M8GDM9AXKP042788\",\"colour\":\"red\"}",
                        "[" + KEY + "]"), List.of("input.vehicle.colour")),
                Arguments.of("videos empty", video(VEHICLE, "[]"), List.of("input.videos")),
                Arguments.of("eleven videos", video(VEHICLE, eleven), List.of("input.videos")),
                Arguments.of("videos a string", video(VEHICLE, KEY), List.of("input.videos")),
                Arguments.of("video not a string", video(VEHICLE, "[" + KEY + ",7]"), List.of("input.videos[1]")),
                Arguments.of("video of another owner", video(VEHICLE, "[\"uploads/other/a.mp4\"]"), List.of("input.videos[0]")),
                Arguments.of("video outside uploads", video(VEHICLE, "[\"outputs/local/a.mp4\"]"), List.of("input.videos[0]")),
                Arguments.of("video with dot segments", video(VEHICLE, "[\"uploads/local/../other/a.mp4\"]"),
                        List.of("input.videos[0]")),
                Arguments.of("video twice", video(VEHICLE, "[" + KEY + ",\"uploads/local/b.mp4\"," + KEY + "]"),
                        List.of("input.videos[2]")),
                Arguments.of("both shapes at once",
                        "{\"type\":\"video-analysis\",\"input\":{\"videoKey\":" + KEY + ",\"vehicle\":" + VEHICLE
                                + ",\"videos\":[" + KEY + "]}}", List.of("input.videoKey")),
                Arguments.of("several errors at once", video(vehicle("\"\"", "\"I\"", "\"X\""), "[]"),
                        List.of("input.vehicle.licencePlate", "input.vehicle.vin", "input.vehicle.vinRegion", "input.videos")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInputs")
    void ruleViolationsAre422WithEveryFieldListed(String name, String body, List<String> fields) {
        Response response = given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/v1/jobs");

        assertProblem(response, 422, "validation-failed", "/v1/jobs");
        assertThat(errorFields(response)).containsExactlyInAnyOrderElementsOf(fields);
        assertThat(response.asString()).as("no plate or VIN echoed").doesNotContain("1M8GDM9A").doesNotContain("ABCDEF");
    }
}
