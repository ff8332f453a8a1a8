package dev.sluice.worker.model;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelErrorException;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelNotReadyException;

/**
 * Decides whether a failed invocation is worth retrying. A model container's 4xx means the input is
 * bad and stays bad; throttling, 5xx, an endpoint not ready yet, timeouts and network errors pass.
 */
final class FailureClassifier {
    private FailureClassifier() {
    }

    static ModelResult classify(Exception e) {
        if (e instanceof ModelErrorException modelError) {
            Integer original = modelError.originalStatusCode();
            String reason = "model returned " + original + ": " + modelError.originalMessage();
            boolean transientStatus = original == null || original >= 500 || original == 429 || original == 408;
            return transientStatus ? new ModelResult.TransientFailure(reason) : new ModelResult.PermanentFailure(reason);
        }
        if (e instanceof ModelNotReadyException) {
            return new ModelResult.TransientFailure("endpoint not ready: " + e.getMessage());
        }
        if (e instanceof AwsServiceException service) {
            String reason = service.awsErrorDetails() != null
                    ? service.awsErrorDetails().errorCode() + " (" + service.statusCode() + "): "
                            + service.awsErrorDetails().errorMessage()
                    : service.getMessage();
            boolean transientService = service.isThrottlingException() || service.statusCode() >= 500
                    || service.statusCode() == 429;
            return transientService ? new ModelResult.TransientFailure(reason) : new ModelResult.PermanentFailure(reason);
        }
        if (e instanceof SdkClientException) {
            // Includes call timeouts and connection failures: nothing says the input is at fault.
            return new ModelResult.TransientFailure("model call failed: " + e.getMessage());
        }
        return new ModelResult.TransientFailure("unexpected model failure: " + e);
    }
}
