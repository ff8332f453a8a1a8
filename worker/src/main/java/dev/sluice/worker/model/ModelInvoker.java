package dev.sluice.worker.model;

import dev.sluice.worker.metrics.ModelMetrics;
import dev.sluice.worker.task.Cancellation;
import java.time.Duration;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Invokes the model for one task attempt and turns every ending into a {@link ModelResult}. The whole
 * guarded call, retry delays included, is cut short when the task is cancelled.
 */
@ApplicationScoped
public class ModelInvoker {
    private final ModelEndpoint endpoint;
    private final ModelRequests requests;
    private final ModelMetrics metrics;

    public ModelInvoker(ModelEndpoint endpoint, ModelRequests requests, ModelMetrics metrics) {
        this.endpoint = endpoint;
        this.requests = requests;
        this.metrics = metrics;
    }

    public ModelResult invoke(ModelCall call, Cancellation cancellation) {
        long start = System.nanoTime();
        ModelResult result = invokeGuarded(call, cancellation);
        metrics.invoked(call.type(), result, Duration.ofNanos(System.nanoTime() - start));
        return result;
    }

    private ModelResult invokeGuarded(ModelCall call, Cancellation cancellation) {
        Thread taskThread = Thread.currentThread();
        ModelAttempts attempts = new ModelAttempts();
        try {
            return cancellation.interruptibly(() -> requests.abort(taskThread),
                    () -> endpoint.invoke(call, cancellation, attempts));
        } catch (TransientModelException e) {
            return new ModelResult.TransientFailure(e.getMessage());
        } catch (CircuitBreakerOpenException e) {
            return new ModelResult.CircuitOpen(attempts.lastFailure());
        } catch (Exception e) {
            // ModelCallCancelled, or a retry delay cut short by the cancellation's interrupt.
            if (cancellation.isCancelled()) {
                return new ModelResult.Cancelled();
            }
            return new ModelResult.TransientFailure("unexpected model failure: " + e);
        }
    }
}
