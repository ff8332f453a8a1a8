package dev.sluice.worker.wiring;

import dev.sluice.worker.config.WorkerConfig;
import dev.sluice.worker.metrics.AwsRequestMetrics;
import dev.sluice.worker.model.ModelRequests;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.awssdk.v2_2.AwsSdkTelemetry;
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
    SageMakerRuntimeClient sageMakerRuntime(WorkerConfig config, ModelRequests requests, OpenTelemetry telemetry,
                                            AwsRequestMetrics awsRequests) {
        var builder = SageMakerRuntimeClient.builder()
                .httpClientBuilder(AbortableHttpClient.wrapping(
                        UrlConnectionHttpClient.builder().socketTimeout(config.model().timeout()), requests))
                .overrideConfiguration(c -> c
                        .apiCallTimeout(config.model().timeout())
                        // The SDK does not retry: the short in-process retry is ModelEndpoint's (it
                        // also feeds the circuit breaker), longer ones go through the queue, visible in
                        // the task's attempt count.
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        // A client span per invocation, like the extensions' clients get from
                        // quarkus.<service>.telemetry.enabled.
                        .addExecutionInterceptor(AwsSdkTelemetry.create(telemetry).newExecutionInterceptor())
                        // Counted like the extensions' clients' requests (quarkus.<service>.interceptors).
                        .addExecutionInterceptor(awsRequests));
        config.model().endpointOverride().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    void close(@Disposes SageMakerRuntimeClient client) {
        client.close();
    }
}
