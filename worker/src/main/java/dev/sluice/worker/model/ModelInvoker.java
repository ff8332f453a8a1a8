package dev.sluice.worker.model;

import dev.sluice.core.job.JobType;
import dev.sluice.worker.config.WorkerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;

/** Calls the SageMaker endpoint for a task type and turns every outcome into a {@link ModelResult}. */
@ApplicationScoped
public class ModelInvoker {
    private final SageMakerRuntimeClient client;
    private final WorkerConfig.Model config;

    public ModelInvoker(SageMakerRuntimeClient client, WorkerConfig config) {
        this.client = client;
        this.config = config.model();
    }

    public ModelResult invoke(ModelCall call) {
        try {
            InvokeEndpointResponse response = client.invokeEndpoint(b -> b
                    .endpointName(endpointFor(call.type()))
                    .contentType("application/json")
                    .accept(acceptFor(call.type()))
                    .customAttributes(call.customAttributes())
                    .body(SdkBytes.fromString(call.inputJson(), StandardCharsets.UTF_8)));
            String contentType = response.contentType() == null ? acceptFor(call.type()) : response.contentType();
            return new ModelResult.Success(response.body().asByteArray(), contentType);
        } catch (RuntimeException e) {
            return FailureClassifier.classify(e);
        }
    }

    String endpointFor(JobType type) {
        return switch (type) {
            case IMAGE_GENERATION -> config.imageGenerationEndpoint();
            case VIDEO_ANALYSIS -> config.videoAnalysisEndpoint();
        };
    }

    private static String acceptFor(JobType type) {
        return switch (type) {
            case IMAGE_GENERATION -> "image/png";
            case VIDEO_ANALYSIS -> "application/json";
        };
    }
}
