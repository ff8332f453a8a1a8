package dev.sluice.modelsim;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointRequest;

/** The real SageMaker Runtime SDK client, pointed at a simulator, the way the workers build it. */
final class SageMakerClients {

    static final String IMAGE_ENDPOINT = "sluice-image-generation";
    static final String VIDEO_ENDPOINT = "sluice-video-analysis";

    private SageMakerClients() {
    }

    static SageMakerRuntimeClient forSim(URI endpoint) {
        return forSim(endpoint, null);
    }

    /** @param apiCallTimeout null for the SDK default */
    static SageMakerRuntimeClient forSim(URI endpoint, Duration apiCallTimeout) {
        return SageMakerRuntimeClient.builder()
                .endpointOverride(endpoint)
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                // Each test must see exactly the error the simulator sent, not the SDK's retries.
                .overrideConfiguration(c -> {
                    c.retryStrategy(AwsRetryStrategy.doNotRetry());
                    if (apiCallTimeout != null) {
                        c.apiCallTimeout(apiCallTimeout);
                    }
                })
                .build();
    }

    static InvokeEndpointRequest invocation(String endpoint, String jsonBody, String customAttributes) {
        InvokeEndpointRequest.Builder request = InvokeEndpointRequest.builder()
                .endpointName(endpoint)
                .contentType("application/json")
                .body(SdkBytes.fromUtf8String(jsonBody));
        if (customAttributes != null) {
            request.customAttributes(customAttributes);
        }
        return request.build();
    }

    static InvokeEndpointRequest image(String prompt, int width, int height, String taskId) {
        String body = "{\"prompt\":" + quote(prompt) + ",\"width\":" + width + ",\"height\":" + height + "}";
        return invocation(IMAGE_ENDPOINT, body, taskId == null ? null : attributes(taskId, 1, "worker-test"));
    }

    static String attributes(String taskId, long fencingToken, String worker) {
        return "taskId=" + taskId + ";fencingToken=" + fencingToken + ";worker=" + worker;
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
