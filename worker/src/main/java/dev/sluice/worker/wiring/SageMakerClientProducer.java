package dev.sluice.worker.wiring;

import dev.sluice.worker.config.WorkerConfig;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

/**
 * The real AWS SDK SageMaker runtime client. Region and credentials come from the SDK's default
 * chains; the endpoint from configuration or the SDK's AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME.
 */
public class SageMakerClientProducer {

    @Produces
    @Singleton
    SageMakerRuntimeClient sageMakerRuntime(WorkerConfig config) {
        var builder = SageMakerRuntimeClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .socketTimeout(config.model().timeout()))
                .overrideConfiguration(c -> c
                        .apiCallTimeout(config.model().timeout())
                        // Retries belong to the queue: a failed attempt releases the lease and the
                        // message comes back after a backoff, visible in the task's attempt count.
                        .retryStrategy(AwsRetryStrategy.doNotRetry()));
        config.model().endpointOverride().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    void close(@Disposes SageMakerRuntimeClient client) {
        client.close();
    }
}
