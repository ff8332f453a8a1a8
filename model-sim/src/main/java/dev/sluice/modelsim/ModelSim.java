package dev.sluice.modelsim;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running model simulator: a stand-in for a SageMaker real-time endpoint that speaks the
 * SageMaker Runtime wire protocol, so the real AWS SDK client can call it through an endpoint
 * override. Start one per test class with {@code ModelSim.start(ModelSimSettings.defaults())}.
 */
public final class ModelSim implements AutoCloseable {

    static {
        // The JDK server writes the headers and the body of a response separately; with Nagle's
        // algorithm on, the body then waits for the client's delayed ACK, about 40 ms per call.
        // The server reads this once per JVM, when its first HttpServer is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final S3VideoSource ownedVideoSource;
    private final URI uri;

    private ModelSim(HttpServer server, ThreadPoolExecutor executor, S3VideoSource ownedVideoSource) {
        this.server = server;
        this.executor = executor;
        this.ownedVideoSource = ownedVideoSource;
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        this.uri = URI.create("http://" + host + ":" + address.getPort());
    }

    /**
     * Binds, starts serving and returns; {@code port 0} picks a free port, see {@link #port()}.
     *
     * @throws java.io.UncheckedIOException when the address cannot be bound
     */
    public static ModelSim start(ModelSimSettings settings) {
        // Rendering needs no display; must be set before the first AWT class initialises.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        InvocationPlanner planner = new InvocationPlanner(settings.simConfig(), settings.seed());
        settings.faults().forEach(planner.faults()::add);
        InvocationAudit audit = new InvocationAudit(settings.auditCapacity());
        S3VideoSource s3Source = settings.videoSource() == null ? new S3VideoSource(settings.s3()) : null;
        VideoSource videos = s3Source != null ? s3Source : settings.videoSource();
        String region = settings.s3().region();
        InferenceEngine engine = new InferenceEngine(videos, region);

        HttpServer server;
        try {
            server = HttpServer.create(
                    new InetSocketAddress(InetAddress.getByName(settings.bindAddress()), settings.port()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + settings.bindAddress() + ":" + settings.port(), e);
        }
        // Latency is simulated by sleeping, so every in-flight invocation holds a thread: a large
        // pool (no virtual threads on Java 17) whose idle threads time out.
        ThreadPoolExecutor executor = new ThreadPoolExecutor(settings.maxConcurrency(), settings.maxConcurrency(),
                30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemonThreads());
        executor.allowCoreThreadTimeOut(true);
        server.setExecutor(executor);
        server.createContext("/endpoints/", new InvocationHandler(planner, engine, audit, region));
        server.createContext("/admin/", new AdminHandler(planner, audit));
        server.createContext("/", new HealthHandler());
        server.start();
        return new ModelSim(server, executor, s3Source);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Base URI, e.g. {@code http://127.0.0.1:41234}: the SDK's endpoint override. */
    public URI uri() {
        return uri;
    }

    /** A client for this simulator's admin API. */
    public ModelSimClient client() {
        return new ModelSimClient(uri);
    }

    /** Stops at once: in-flight invocations are cut off. */
    public void stop() {
        server.stop(0);
        executor.shutdownNow();
        if (ownedVideoSource != null) {
            ownedVideoSource.close();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Daemon threads: an invocation sleeping out its latency must never hold up JVM exit. */
    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "model-sim-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
