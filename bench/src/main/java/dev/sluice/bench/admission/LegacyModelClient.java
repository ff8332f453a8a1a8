package dev.sluice.bench.admission;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

/**
 * The old design's SageMaker Runtime client: the real AWS SDK client on the same HTTP client the
 * workers use, region and credentials from the SDK's default chains (the local stack sets them).
 */
final class LegacyModelClient {
    /**
     * Lambda's longest timeout. SageMaker would answer a call still queued after 60 s with an error, but
     * the model works on regardless; keeping the call open shows when the model is really idle again.
     * It changes nothing the clients see: they gave up after 29 s.
     */
    static final Duration MODEL_WAIT = Duration.ofMinutes(15);

    private LegacyModelClient() {
    }

    static SageMakerRuntimeClient create(URI modelEndpoint) {
        return SageMakerRuntimeClient.builder()
                .endpointOverride(modelEndpoint)
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(MODEL_WAIT))
                .overrideConfiguration(c -> c
                        .apiCallTimeout(MODEL_WAIT)
                        // Like the workers' client: an SDK retry would hide the model's answer.
                        .retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
