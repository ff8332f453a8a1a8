package dev.sluice.modelsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelErrorException;

/** The video model over the wire, reading from an in-memory source instead of S3. */
class VideoInvocationTest {

    private static final byte[] VIDEO = "not really an mp4, but bytes all the same".repeat(1000).getBytes();

    private static ModelSim sim;
    private static SageMakerRuntimeClient sdk;

    @BeforeAll
    static void start() {
        Map<String, byte[]> objects = Map.of("videos/uploads/car.mp4", VIDEO);
        VideoSource source = (bucket, key) -> {
            if (bucket.equals("broken")) {
                throw new IOException("connection refused");
            }
            return Optional.ofNullable(objects.get(bucket + "/" + key)).map(ByteArrayInputStream::new);
        };
        sim = ModelSim.start(ModelSimSettings.defaults().withVideoSource(source));
        sdk = SageMakerClients.forSim(sim.uri());
    }

    @AfterAll
    static void stop() {
        sdk.close();
        sim.stop();
    }

    @Test
    void analysesTheObjectsBytes() throws Exception {
        InvokeEndpointResponse response = sdk.invokeEndpoint(SageMakerClients.invocation(
                SageMakerClients.VIDEO_ENDPOINT, "{\"bucket\":\"videos\",\"videoKey\":\"uploads/car.mp4\"}",
                SageMakerClients.attributes("v-1", 3, "w")));

        assertThat(response.contentType()).isEqualTo("application/json");
        assertThat(response.customAttributes()).isEqualTo(SageMakerClients.attributes("v-1", 3, "w"));
        JsonNode json = Json.MAPPER.readTree(response.body().asByteArray());
        assertThat(json.get("sizeBytes").asLong()).isEqualTo(VIDEO.length);
        assertThat(json.get("sha256").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(VIDEO)));
        assertThat(json.get("entropyBitsPerByte").asDouble()).isBetween(0.0, 8.0);
        assertThat(json.at("/vehicleReport/detected").asBoolean()).isTrue();
        assertThat(json.at("/vehicleReport/damageScore").asDouble()).isBetween(0.0, 1.0);
        assertThat(Json.MAPPER.treeToValue(json, VideoAnalysis.class)).isEqualTo(VideoAnalyzer.analyze(VIDEO));
    }

    @Test
    void missingObjectIsPermanentModelError() {
        assertThatThrownBy(() -> sdk.invokeEndpoint(SageMakerClients.invocation(SageMakerClients.VIDEO_ENDPOINT,
                "{\"bucket\":\"videos\",\"videoKey\":\"uploads/missing.mp4\"}", null)))
                .isInstanceOfSatisfying(ModelErrorException.class, e -> {
                    assertThat(e.originalStatusCode()).isEqualTo(400);
                    assertThat(e.originalMessage()).contains("uploads/missing.mp4");
                });
    }

    @Test
    void unreadableStoreIsTransientModelError() {
        assertThatThrownBy(() -> sdk.invokeEndpoint(SageMakerClients.invocation(SageMakerClients.VIDEO_ENDPOINT,
                "{\"bucket\":\"broken\",\"videoKey\":\"x.mp4\"}", null)))
                .isInstanceOfSatisfying(ModelErrorException.class,
                        e -> assertThat(e.originalStatusCode()).isEqualTo(500));
    }

    @Test
    void missingBucketIsRejectedInput() {
        assertThatThrownBy(() -> sdk.invokeEndpoint(SageMakerClients.invocation(SageMakerClients.VIDEO_ENDPOINT,
                "{\"videoKey\":\"x.mp4\"}", null)))
                .isInstanceOfSatisfying(ModelErrorException.class,
                        e -> assertThat(e.originalStatusCode()).isEqualTo(400));
    }
}
