package dev.sluice.api;

import static dev.sluice.api.LocalState.OWNER;
import static dev.sluice.api.TestKeys.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.job.TaskOutput;
import dev.sluice.core.job.TaskRef;
import dev.sluice.core.keys.ObjectKeys;
import dev.sluice.core.lease.Lease;
import dev.sluice.core.lease.LeaseAcquisition;
import dev.sluice.core.lease.LeaseManager;
import dev.sluice.devstack.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A job driven through its states with core's lease protocol, as a worker would, then read back. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class JobOutputTest {
    private LeaseManager leases;

    @BeforeEach
    void setUp() {
        LocalState.purgeQueue();
        leases = new LeaseManager(LocalState.dynamo(), LocalState.resources().table(), Clock.systemUTC());
    }

    @Test
    void aCompletedJobShowsItsOutputWithAPresignedUrlThatDownloadsIt() throws Exception {
        String jobId = submit();
        TaskRef ref = TaskRef.of(jobId, 0);
        Lease lease = acquire(ref);

        Response processing = given().when().get("/v1/jobs/" + jobId);
        assertThat(processing.jsonPath().getString("status")).isEqualTo("PROCESSING");
        assertThat(processing.jsonPath().getInt("attempts")).isEqualTo(1);
        assertThat(processing.jsonPath().getString("tasks[0].startedAt")).isNotNull();
        assertThat(processing.jsonPath().getMap("$")).doesNotContainKey("output");

        byte[] image = new byte[4096];
        new Random(7).nextBytes(image);
        String key = ObjectKeys.output(OWNER, ref, "png");
        LocalState.putObject(key, image, "image/png");
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image));
        assertThat(leases.complete(lease, new TaskOutput(key, "image/png", image.length, sha256))).isTrue();

        Instant asked = Instant.now();
        Response completed = given().when().get("/v1/jobs/" + jobId);

        assertThat(completed.statusCode()).as(completed.asString()).isEqualTo(200);
        assertThat(completed.jsonPath().getString("status")).isEqualTo("COMPLETED");
        assertThat(completed.jsonPath().getString("tasks[0].status")).isEqualTo("COMPLETED");
        assertThat(Instant.parse(completed.jsonPath().getString("tasks[0].completedAt"))).isBeforeOrEqualTo(asked);
        assertThat(completed.jsonPath().getString("output.key")).isEqualTo(key);
        assertThat(completed.jsonPath().getString("output.contentType")).isEqualTo("image/png");
        assertThat(completed.jsonPath().getLong("output.sizeBytes")).isEqualTo(image.length);
        assertThat(completed.jsonPath().getString("output.sha256")).isEqualTo(sha256);
        Instant expires = Instant.parse(completed.jsonPath().getString("output.urlExpiresAt"));
        assertThat(Duration.between(asked, expires)).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(16));

        URI url = URI.create(completed.jsonPath().getString("output.url"));
        assertThat(url.toString()).contains("X-Amz-Signature=");
        HttpResponse<byte[]> download = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(image);
    }

    @Test
    void aFailedJobShowsItsLastErrorAndNoOutput() {
        String jobId = submit();
        Lease lease = acquire(TaskRef.of(jobId, 0));
        assertThat(leases.fail(lease, "model rejected the prompt")).isTrue();

        Response failed = given().when().get("/v1/jobs/" + jobId);

        assertThat(failed.jsonPath().getString("status")).isEqualTo("FAILED");
        assertThat(failed.jsonPath().getString("lastError")).isEqualTo("model rejected the prompt");
        assertThat(failed.jsonPath().getString("tasks[0].lastError")).isEqualTo("model rejected the prompt");
        assertThat(failed.jsonPath().getInt("tasks[0].attempts")).isEqualTo(1);
        assertThat(failed.jsonPath().getMap("$")).doesNotContainKey("output");
    }

    private String submit() {
        Response response = given().contentType(ContentType.JSON)
                .body("{\"type\":\"image-generation\",\"input\":{\"prompt\":\"a harbour\",\"width\":64,\"height\":64}}")
                .when().post("/v1/jobs");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
        LocalState.singleMessage();
        return response.jsonPath().getString("jobId");
    }

    private Lease acquire(TaskRef ref) {
        LeaseAcquisition acquisition = leases.acquire(ref, "test-worker", Duration.ofMinutes(1));
        assertThat(acquisition).isInstanceOf(LeaseAcquisition.Acquired.class);
        return ((LeaseAcquisition.Acquired) acquisition).lease();
    }
}
