package dev.sluice.worker.model;

import dev.sluice.worker.task.Cancellation;
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

    public ModelInvoker(ModelEndpoint endpoint, ModelRequests requests) {
        this.endpoint = endpoint;
        this.requests = requests;
    }

    public ModelResult invoke(ModelCall call, Cancellation cancellation) {
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
