package dev.sluice.bench.admission;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;

/**
 * The design Sluice replaced: {@code POST /v1/generate} calls the model synchronously and answers with
 * the image once inference ends (200 image/png), or 502 when the model call fails, as API Gateway does
 * for a failed Lambda. One thread per request, like Lambda's per-request instances: the endpoint never
 * limits how many requests reach the model, the model's own capacity does.
 *
 * <p>It counts the model calls it has open, so a run can wait until the model has worked off what the
 * old design queued there: the model goes on with a request whose client has given up.
 */
final class LegacyEndpoint implements AutoCloseable {
    private static final int ACCEPT_BACKLOG = 4096;

    private final HttpServer server;
    private final ExecutorService threads;
    private final SageMakerRuntimeClient model;
    private final String modelEndpoint;
    private final Duration clientTimeout;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger late = new AtomicInteger();
    private final AtomicLong lastModelEnd = new AtomicLong();

    private LegacyEndpoint(HttpServer server, ExecutorService threads, SageMakerRuntimeClient model,
                           String modelEndpoint, Duration clientTimeout) {
        this.server = server;
        this.threads = threads;
        this.model = model;
        this.modelEndpoint = modelEndpoint;
        this.clientTimeout = clientTimeout;
    }

    /** Listens on a free loopback port; {@code clientTimeout} only sorts out the results nobody got. */
    static LegacyEndpoint start(SageMakerRuntimeClient model, String modelEndpoint, Duration clientTimeout) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), ACCEPT_BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the legacy endpoint", e);
        }
        AtomicInteger count = new AtomicInteger();
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "legacy-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        LegacyEndpoint endpoint = new LegacyEndpoint(server, threads, model, modelEndpoint, clientTimeout);
        server.setExecutor(threads);
        server.createContext("/v1/generate", endpoint::handle);
        server.start();
        return endpoint;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/generate");
    }

    /** Model calls made so far. */
    int calls() {
        return calls.get();
    }

    /** Model calls that ended after the client timeout: the result was made for a client that had gone. */
    int lateResults() {
        return late.get();
    }

    /** The {@link System#nanoTime()} when the latest model call ended. */
    long lastModelEnd() {
        return lastModelEnd.get();
    }

    /** Waits until no model call is open, at most until {@code deadlineNanos}; true when none is. */
    boolean awaitIdle(long deadlineNanos) throws InterruptedException {
        while (open.get() > 0 && System.nanoTime() < deadlineNanos) {
            Thread.sleep(20);
        }
        return open.get() == 0;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "POST only".getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int status;
            String type;
            byte[] answer;
            open.incrementAndGet();
            calls.incrementAndGet();
            try {
                InvokeEndpointResponse response = model.invokeEndpoint(b -> b
                        .endpointName(modelEndpoint)
                        .contentType("application/json")
                        .accept("image/png")
                        .body(SdkBytes.fromByteArray(body)));
                status = 200;
                type = response.contentType() == null ? "image/png" : response.contentType();
                answer = response.body().asByteArray();
            } catch (RuntimeException e) {
                status = 502;
                type = "text/plain";
                answer = ("model call failed: " + e.getMessage()).getBytes(StandardCharsets.UTF_8);
            } finally {
                if (System.nanoTime() - arrived > clientTimeout.toNanos()) {
                    late.incrementAndGet();
                }
                lastModelEnd.accumulateAndGet(System.nanoTime(), Math::max);
                open.decrementAndGet();
            }
            send(exchange, status, type, answer);
        } catch (IOException e) {
            // The client gave up and closed the connection: nobody is left to answer.
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
