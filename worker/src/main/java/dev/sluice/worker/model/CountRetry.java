package dev.sluice.worker.model;

import dev.sluice.worker.metrics.ModelMetrics;
import io.smallrye.faulttolerance.api.BeforeRetryHandler;
import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;

/** Runs before each in-process retry of a model call (not before the first call): counts it. */
@Dependent
public class CountRetry implements BeforeRetryHandler {
    private final ModelMetrics metrics;

    public CountRetry(ModelMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handle(ExecutionContext context) {
        metrics.retried();
    }
}
