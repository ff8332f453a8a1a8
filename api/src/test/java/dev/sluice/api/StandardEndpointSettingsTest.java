package dev.sluice.api;

import static dev.sluice.api.LocalState.OWNER;
import static dev.sluice.api.TestKeys.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.job.TaskOutput;
import dev.sluice.core.job.TaskRef;
import dev.sluice.core.keys.ObjectKeys;
import dev.sluice.core.lease.LeaseAcquisition;
import dev.sluice.core.lease.LeaseManager;
import dev.sluice.devstack.DevStack;
import dev.sluice.devstack.DevStackResource;
import dev.sluice.localaws.Endpoints;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * No {@code quarkus.*.endpoint-override}: the clients and the presigner find the servers through the
 * SDK's own endpoint settings, as in a container given {@code AWS_ENDPOINT_URL_<SERVICE>}. The
 * variables' system-property twins ({@code aws.endpointUrlSqs}, ...) stand in for them because a JVM
 * cannot change its own environment.
 */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@TestProfile(StandardEndpointSettingsTest.SdkEndpoints.class)
class StandardEndpointSettingsTest {
    private static final Map<String, String> PROPERTIES = Map.of(
            "aws.endpointUrlSqs", "sqs", "aws.endpointUrlDynamoDb", "dynamodb", "aws.endpointUrlS3", "s3");

    public static class SdkEndpoints implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Endpoints endpoints = DevStack.shared().aws().endpoints();
            System.setProperty("aws.endpointUrlSqs", endpoints.sqs().toString());
            System.setProperty("aws.endpointUrlDynamoDb", endpoints.dynamoDb().toString());
            System.setProperty("aws.endpointUrlS3", endpoints.s3().toString());
            return Map.of("quarkus.sqs.endpoint-override", "",
                    "quarkus.dynamodb.endpoint-override", "",
                    "quarkus.s3.endpoint-override", "");
        }
    }

    @AfterAll
    static void clearProperties() {
        PROPERTIES.keySet().forEach(System::clearProperty);
    }

    @Test
    void everyAwsCallAndThePresignedUrlUseTheSdkEndpointSettings() throws Exception {
        for (String service : new String[] {"sqs", "dynamodb", "s3"}) {
            assertThat(ConfigProvider.getConfig().getOptionalValue("quarkus." + service + ".endpoint-override", String.class))
                    .as("the profile must really remove the %s override", service).isEmpty();
        }
        LocalState.purgeQueue();
        String videoKey = "uploads/" + OWNER + "/" + UUID.randomUUID() + "/clip.mp4";
        LocalState.putObject(videoKey, new byte[] {1, 2, 3}, "video/mp4");

        Response submitted = given().contentType(ContentType.JSON)
                .body("{\"type\":\"video-analysis\",\"input\":{\"videoKey\":\"" + videoKey + "\"}}").when().post("/v1/jobs");
        assertThat(submitted.statusCode()).as(submitted.asString()).isEqualTo(202);
        String jobId = submitted.jsonPath().getString("jobId");
        assertThat(LocalState.singleMessage().jobId()).isEqualTo(jobId);

        TaskRef ref = TaskRef.of(jobId, 0);
        LeaseManager leases = new LeaseManager(LocalState.dynamo(), LocalState.resources().table(), Clock.systemUTC());
        var lease = ((LeaseAcquisition.Acquired) leases.acquire(ref, "test-worker", Duration.ofMinutes(1))).lease();
        byte[] report = "{\"vehicles\":[]}".getBytes(StandardCharsets.UTF_8);
        String outputKey = ObjectKeys.output(OWNER, ref, "json");
        LocalState.putObject(outputKey, report, "application/json");
        assertThat(leases.complete(lease, new TaskOutput(outputKey, "application/json", report.length, "-"))).isTrue();

        URI url = URI.create(given().when().get("/v1/jobs/" + jobId).jsonPath().getString("output.url"));

        assertThat(url.getPort()).isEqualTo(DevStack.shared().aws().endpoints().s3().getPort());
        HttpResponse<byte[]> download = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(report);
    }
}
