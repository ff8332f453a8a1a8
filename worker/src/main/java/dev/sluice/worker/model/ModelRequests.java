package dev.sluice.worker.model;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.http.Abortable;

/**
 * The model HTTP request each task thread has in flight. A blocking socket read ignores interrupts,
 * so cancelling a task aborts its request here (closing the connection), which is what really cuts a
 * long inference short.
 */
@ApplicationScoped
public class ModelRequests {
    private final Map<Thread, Abortable> inFlight = new ConcurrentHashMap<>();

    /** Called on the task thread when the SDK is about to send the request. */
    public void started(Abortable request) {
        inFlight.put(Thread.currentThread(), request);
    }

    /** Called on the task thread once the SDK call, response body included, is over. */
    public void finished() {
        inFlight.remove(Thread.currentThread());
    }

    /** Aborts whatever request {@code taskThread} has in flight; from any thread. */
    public void abort(Thread taskThread) {
        Abortable request = inFlight.remove(taskThread);
        if (request != null) {
            request.abort();
        }
    }
}
