package dev.sluice.worker.model;

import dev.sluice.core.job.JobType;
import dev.sluice.worker.config.WorkerConfig;
import dev.sluice.worker.task.Cancellation;
import io.smallrye.faulttolerance.api.BeforeRetry;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;

/**
 * One SageMaker invocation under Fault Tolerance. Transient failures are thrown so that the short
 * in-process retry repeats them (a blip should not cost a lease attempt and a queue round trip) and
 * the circuit breaker counts them; a rejected input is returned, which both treat as success.
 *
 * <p>The retry wraps the breaker, so every retry is one more call the breaker sees, and an open
 * breaker ends the retries at once. Both are configurable with the standard keys, e.g.
 * {@code quarkus.fault-tolerance."dev.sluice.worker.model.ModelEndpoint/invoke".circuit-breaker.delay};
 * application.properties lists them.
 */
@ApplicationScoped
public class ModelEndpoint {
    private static final Logger LOG = Logger.getLogger(ModelEndpoint.class);

    private final SageMakerRuntimeClient client;
    private final ModelRequests requests;
    private final WorkerConfig.Model config;

    public ModelEndpoint(SageMakerRuntimeClient client, ModelRequests requests, WorkerConfig config) {
        this.client = client;
        this.requests = requests;
        this.config = config.model();
    }

    /**
     * Retries at most twice after 100-300 ms, and only while the first call started less than 30 s
     * ago: a call that timed out after minutes goes back to the queue instead. A cancelled task is
     * never retried. The breaker opens when half of the last 20 calls failed and lets one probe
     * through after 30 s.
     */
    @Retry(maxRetries = 2, delay = 200, jitter = 100, maxDuration = 30, durationUnit = ChronoUnit.SECONDS,
            retryOn = TransientModelException.class, abortOn = ModelCallCancelled.class)
    @BeforeRetry(CountRetry.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 1, failOn = TransientModelException.class, skipOn = ModelCallCancelled.class)
    @CircuitBreakerName(ModelCircuit.NAME)
    ModelResult invoke(ModelCall call, Cancellation cancellation, ModelAttempts attempts) {
        if (cancellation.isCancelled()) {
            throw new ModelCallCancelled();
        }
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
            if (cancellation.isCancelled()) {
                // Most likely our own abort; either way the task's cancellation decides what follows.
                throw new ModelCallCancelled();
            }
            ModelResult result = FailureClassifier.classify(e);
            if (result instanceof ModelResult.TransientFailure failure) {
                attempts.failed(failure.reason());
                LOG.warnf("model call failed transiently: %s", failure.reason());
                throw new TransientModelException(failure.reason(), e);
            }
            return result;
        } finally {
            requests.finished();
        }
    }

    String endpointFor(JobType type) {
        return switch (type) {
            case IMAGE_GENERATION -> config.imageGenerationEndpoint();
            case VIDEO_ANALYSIS -> config.videoAnalysisEndpoint();
            case DATA_ERASURE -> throw new IllegalArgumentException("data-erasure runs no model");
            case SMS_INVITE -> throw new IllegalArgumentException("sms.invite runs no model");
        };
    }

    private static String acceptFor(JobType type) {
        return switch (type) {
            case IMAGE_GENERATION -> "image/png";
            case VIDEO_ANALYSIS -> "application/json";
            case DATA_ERASURE -> throw new IllegalArgumentException("data-erasure runs no model");
            case SMS_INVITE -> throw new IllegalArgumentException("sms.invite runs no model");
        };
    }
}
