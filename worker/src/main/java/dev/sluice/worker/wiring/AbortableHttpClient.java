package dev.sluice.worker.wiring;

import dev.sluice.worker.model.ModelRequests;
import java.io.IOException;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * Lets a cancelled task abort its model request: the SDK's sync clients only abort a request on their
 * own timeouts, so each request is registered with {@link ModelRequests} before it is sent.
 */
final class AbortableHttpClient implements SdkHttpClient {
    private final SdkHttpClient delegate;
    private final ModelRequests requests;

    AbortableHttpClient(SdkHttpClient delegate, ModelRequests requests) {
        this.delegate = delegate;
        this.requests = requests;
    }

    /** Given to the SDK as a builder, so the SDK client owns (and closes) the HTTP client it builds. */
    static Builder wrapping(SdkHttpClient.Builder<?> delegate, ModelRequests requests) {
        return new Builder(delegate, requests);
    }

    static final class Builder implements SdkHttpClient.Builder<Builder> {
        private final SdkHttpClient.Builder<?> delegate;
        private final ModelRequests requests;

        private Builder(SdkHttpClient.Builder<?> delegate, ModelRequests requests) {
            this.delegate = delegate;
            this.requests = requests;
        }

        @Override
        public SdkHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
            return new AbortableHttpClient(delegate.buildWithDefaults(serviceDefaults), requests);
        }
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        ExecutableHttpRequest prepared = delegate.prepareRequest(request);
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                requests.started(prepared);
                if (Thread.currentThread().isInterrupted()) {
                    // Cancelled between the task's last check and now: do not start a long call.
                    throw new IOException("request aborted: task cancelled");
                }
                return prepared.call();
            }

            @Override
            public void abort() {
                prepared.abort();
            }
        };
    }

    @Override
    public String clientName() {
        return delegate.clientName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
