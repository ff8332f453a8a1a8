package dev.sluice.localaws;

import java.net.URI;
import java.util.Objects;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * ElasticMQ, an SQS-compatible server, inside this JVM. In-process because it starts in about
 * two seconds, needs no Python, and behaves like SQS where moto's SQS is weaker (redrive,
 * visibility, long polling).
 *
 * <p>Queues live in memory: {@link #stop()} then {@link #start()} is an outage that also loses
 * every queue and message. The port stays the same across restarts.
 */
public final class ElasticMqServer implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final int port;
    private final String region;
    private SQSRestServer server;

    /**
     * @param port   the port to bind on 127.0.0.1, or 0 for a free one (kept across restarts)
     * @param region appears in queue ARNs, so it must be the region clients use
     */
    public ElasticMqServer(int port, String region) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port);
        }
        this.region = Objects.requireNonNull(region, "region");
        // Fixed up front rather than ElasticMQ's dynamic port: the queue URLs it hands out
        // must name the real port, and a restart must come back on it.
        this.port = port == 0 ? LocalPorts.free() : port;
    }

    /** Starts the server and returns once it accepts connections. A no-op while it is running. */
    public synchronized ElasticMqServer start() {
        if (server != null) {
            return this;
        }
        // Checked first because ElasticMQ reports a taken port only through a stack trace logged
        // at ERROR by its actor system, which reads like a crash in the build output.
        if (!LocalPorts.isFree(port)) {
            throw new LocalAwsException("Cannot start ElasticMQ: port " + port + " on " + HOST + " is in use");
        }
        SQSRestServer starting = SQSRestServerBuilder
                .withInterface(HOST)
                .withPort(port)
                .withServerAddress(NodeAddress.apply("http", HOST, port, ""))
                .withAWSRegion(region)
                .start();
        try {
            starting.waitUntilStarted();
        } catch (RuntimeException e) {
            stopQuietly(starting);
            throw new LocalAwsException("Cannot start ElasticMQ on " + HOST + ":" + port + ": " + e.getMessage(), e);
        }
        server = starting;
        return this;
    }

    /** Unbinds the port and drops all queues; returns when the port is free again. */
    public synchronized void stop() {
        if (server != null) {
            SQSRestServer stopping = server;
            server = null;
            stopping.stopAndWait();
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return URI.create("http://" + HOST + ":" + port);
    }

    @Override
    public void close() {
        stop();
    }

    private static void stopQuietly(SQSRestServer server) {
        try {
            server.stopAndWait();
        } catch (RuntimeException ignored) {
            // It never started; the start failure is the error worth reporting.
        }
    }

    @Override
    public String toString() {
        return "ElasticMqServer[" + endpoint() + (isRunning() ? ", running" : ", stopped") + "]";
    }
}
