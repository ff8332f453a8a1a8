package dev.sluice.api;

import static dev.sluice.api.LocalState.OWNER;
import static dev.sluice.api.Problems.assertProblem;
import static dev.sluice.api.Problems.errorFields;
import static dev.sluice.api.TestKeys.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.job.Job;
import dev.sluice.devstack.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * {@code POST /v1/uploads} against moto over real HTTP: the returned URL and headers really upload, the
 * object carries the tags and SSE-KMS, and a video-analysis job can then name it.
 *
 * <p>moto does not verify SigV4 signatures of presigned URLs (it only compares {@code content-type=}
 * style query parameters, which SDK v2 never writes), so a PUT with another size or without the SSE
 * header would be accepted by moto although S3 refuses it. What S3 enforces is what is signed, so the
 * tests assert {@code X-Amz-SignedHeaders} instead.
 */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class UploadsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VIN = "1M8GDM9AXKP042788";

    @BeforeEach
    void emptyQueue() {
        LocalState.purgeQueue();
    }

    static Response postUpload(String body) {
        return given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8)).when().post("/v1/uploads");
    }

    static Response postJob(String body) {
        return given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8)).when().post("/v1/jobs");
    }

    @Test
    void anUploadUrlUploadsWithTagsAndSseKmsAndTheKeyCanBeAnalysed() throws Exception {
        byte[] video = new byte[2048];
        new Random(3).nextBytes(video);
        Instant asked = Instant.now();

        Response created = postUpload("{\"contentType\":\"video/mp4\",\"sizeBytes\":" + video.length
                + ",\"fileName\":\"front.mp4\"}");

        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).isEqualTo("no-store");
        String key = created.jsonPath().getString("key");
        assertThat(key).matches("uploads/" + OWNER + "/[0-9a-f-]{36}\\.mp4");
        assertThat(created.jsonPath().getString("method")).isEqualTo("PUT");
        Map<String, String> headers = created.jsonPath().getMap("headers");
        assertThat(headers)
                .containsEntry("content-type", "video/mp4")
                .containsEntry("content-length", Integer.toString(video.length))
                .containsEntry("x-amz-server-side-encryption", "aws:kms")
                .containsEntry("x-amz-tagging", "owner=" + OWNER + "&ContainsPII=true");
        Instant expires = Instant.parse(created.jsonPath().getString("expiresAt"));
        assertThat(Duration.between(asked, expires)).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(16));
        URI url = URI.create(created.jsonPath().getString("url"));
        assertThat(signedHeaders(url)).contains("content-length", "content-type", "host",
                "x-amz-server-side-encryption", "x-amz-tagging");

        HttpResponse<String> put = upload(url, headers, video);

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        HeadObjectResponse head = LocalState.s3().headObject(b -> b.bucket(LocalState.resources().bucket()).key(key));
        assertThat(head.contentLength()).isEqualTo(video.length);
        assertThat(head.contentType()).isEqualTo("video/mp4");
        assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        List<Tag> tags = LocalState.s3().getObjectTagging(b -> b.bucket(LocalState.resources().bucket()).key(key)).tagSet();
        assertThat(tags.stream().collect(Collectors.toMap(Tag::key, Tag::value)))
                .isEqualTo(Map.of("owner", OWNER, "ContainsPII", "true"));

        Response job = postJob(videoJob("\"" + key + "\""));

        assertThat(job.statusCode()).as(job.asString()).isEqualTo(202);
        Job stored = LocalState.job(job.jsonPath().getString("jobId")).orElseThrow();
        assertThat(JSON.readTree(stored.input())).isEqualTo(JSON.readTree("{\"bucket\":\"" + LocalState.resources().bucket()
                + "\",\"videoKey\":\"" + key + "\",\"videos\":[\"" + key + "\"],"
                + "\"vehicle\":{\"licencePlate\":\"AB12CDE\",\"vin\":\"" + VIN + "\",\"vinRegion\":\"NA\"}}"));
        assertThat(LocalState.store().isReferenced(key)).as("object reference recorded").isTrue();
        LocalState.singleMessage();
    }

    @Test
    void everyVideoOfAJobIsRecordedAsReferenced() throws Exception {
        String first = uploaded();
        String second = uploaded();

        Response job = postJob(videoJob("\"" + first + "\",\"" + second + "\""));

        assertThat(job.statusCode()).as(job.asString()).isEqualTo(202);
        JsonNode input = JSON.readTree(LocalState.job(job.jsonPath().getString("jobId")).orElseThrow().input());
        assertThat(input.get("videoKey").asText()).as("the first video, for the model").isEqualTo(first);
        assertThat(LocalState.store().isReferenced(first)).isTrue();
        assertThat(LocalState.store().isReferenced(second)).isTrue();
        LocalState.singleMessage();
    }

    @Test
    void anotherOwnersUploadIsRefusedWithoutTellingWhetherItExists() {
        String existing = "uploads/someone-else/" + UUID.randomUUID() + ".mp4";
        LocalState.putObject(existing, new byte[] {1, 2, 3}, "video/mp4");
        String absent = "uploads/someone-else/" + UUID.randomUUID() + ".mp4";
        int items = LocalState.tableItems();

        Response ofExisting = postJob(videoJob("\"" + existing + "\""));
        Response ofAbsent = postJob(videoJob("\"" + absent + "\""));

        assertProblem(ofExisting, 422, "validation-failed", "/v1/jobs");
        assertProblem(ofAbsent, 422, "validation-failed", "/v1/jobs");
        assertThat(errorFields(ofExisting)).containsExactly("input.videos[0]");
        assertThat(ofExisting.jsonPath().getString("errors[0].message"))
                .isEqualTo(ofAbsent.jsonPath().getString("errors[0].message"))
                .doesNotContain("someone-else");
        assertThat(LocalState.tableItems()).isEqualTo(items);
        assertThat(LocalState.queuedMessages()).isZero();
    }

    @Test
    void aMissingUploadIs422UploadNotFoundNamingEachMissingVideo() throws Exception {
        String present = uploaded();
        String missing = "uploads/" + OWNER + "/" + UUID.randomUUID() + ".mp4";
        int items = LocalState.tableItems();

        Response response = postJob(videoJob("\"" + present + "\",\"" + missing + "\""));

        assertProblem(response, 422, "upload-not-found", "/v1/jobs");
        assertThat(errorFields(response)).containsExactly("input.videos[1]");
        assertThat(LocalState.tableItems()).isEqualTo(items);
        assertThat(LocalState.queuedMessages()).isZero();
    }

    static Stream<Arguments> invalidUploads() {
        return Stream.of(
                Arguments.of("not a video", "{\"contentType\":\"image/png\",\"sizeBytes\":10}", List.of("contentType")),
                Arguments.of("video type not allowed", "{\"contentType\":\"video/x-flv\",\"sizeBytes\":10}", List.of("contentType")),
                Arguments.of("type with parameters", "{\"contentType\":\"video/mp4; codecs=avc1\",\"sizeBytes\":10}",
                        List.of("contentType")),
                Arguments.of("type missing", "{\"sizeBytes\":10}", List.of("contentType")),
                Arguments.of("size missing", "{\"contentType\":\"video/mp4\"}", List.of("sizeBytes")),
                Arguments.of("size zero", "{\"contentType\":\"video/mp4\",\"sizeBytes\":0}", List.of("sizeBytes")),
                Arguments.of("size negative", "{\"contentType\":\"video/mp4\",\"sizeBytes\":-5}", List.of("sizeBytes")),
                Arguments.of("size a string", "{\"contentType\":\"video/mp4\",\"sizeBytes\":\"10\"}", List.of("sizeBytes")),
                Arguments.of("size a decimal", "{\"contentType\":\"video/mp4\",\"sizeBytes\":10.5}", List.of("sizeBytes")),
                Arguments.of("too large and a bad type", "{\"contentType\":\"text/plain\",\"sizeBytes\":2147483649}",
                        List.of("contentType", "sizeBytes")),
                Arguments.of("file name with a path", "{\"contentType\":\"video/mp4\",\"sizeBytes\":10,\"fileName\":\"a/b.mp4\"}",
                        List.of("fileName")),
                Arguments.of("unknown field", "{\"contentType\":\"video/mp4\",\"sizeBytes\":10,\"key\":\"uploads/x\"}",
                        List.of("key")),
                Arguments.of("body an array", "[]", List.of("body")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUploads")
    void badUploadRequestsAre422ValidationFailed(String name, String body, List<String> fields) {
        Response response = postUpload(body);

        assertProblem(response, 422, "validation-failed", "/v1/uploads");
        assertThat(errorFields(response)).containsExactlyInAnyOrderElementsOf(fields);
    }

    @Test
    void aSizeOverTheLimitIs422UploadTooLarge() {
        Response atLimit = postUpload("{\"contentType\":\"video/webm\",\"sizeBytes\":2147483648}");
        assertThat(atLimit.statusCode()).as(atLimit.asString()).isEqualTo(201);
        assertThat(atLimit.jsonPath().getString("key")).endsWith(".webm");

        for (String size : List.of("2147483649", "99999999999999999999999")) {
            Response response = postUpload("{\"contentType\":\"video/webm\",\"sizeBytes\":" + size + "}");
            assertProblem(response, 422, "upload-too-large", "/v1/uploads");
            assertThat(errorFields(response)).containsExactly("sizeBytes");
        }
    }

    @Test
    void malformedJsonIs400() {
        assertProblem(postUpload("{\"contentType\":"), 400, "malformed-request", "/v1/uploads");
    }

    /** Uploads through the API's own URL, as a client would, and returns the key. */
    private static String uploaded() throws Exception {
        byte[] video = {0, 0, 0, 24, 'f', 't', 'y', 'p'};
        Response created = postUpload("{\"contentType\":\"video/mp4\",\"sizeBytes\":" + video.length + "}");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        HttpResponse<String> put = upload(URI.create(created.jsonPath().getString("url")),
                created.jsonPath().getMap("headers"), video);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        return created.jsonPath().getString("key");
    }

    /** Exactly the returned headers; Content-Length is set by the HTTP client from the body (it may not be set by hand). */
    private static HttpResponse<String> upload(URI url, Map<String, String> headers, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("content-length")) {
                request.header(name, value);
            }
        });
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> signedHeaders(URI url) {
        for (String parameter : url.getRawQuery().split("&")) {
            if (parameter.startsWith("X-Amz-SignedHeaders=")) {
                return List.of(URLDecoder.decode(parameter.substring("X-Amz-SignedHeaders=".length()),
                        StandardCharsets.UTF_8).split(";"));
            }
        }
        throw new AssertionError("no X-Amz-SignedHeaders in " + url);
    }

    private static String videoJob(String videos) {
        return "{\"type\":\"video-analysis\",\"input\":{\"vehicle\":{\"licencePlate\":\"ab-12 cde\",\"vin\":\""
                + VIN.toLowerCase() + "\",\"vinRegion\":\"na\"},\"videos\":[" + videos + "]}}";
    }
}
