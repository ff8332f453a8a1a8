package dev.sluice.chaos;

import dev.sluice.localaws.LocalPorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy in front of one local server that can fail exactly like a dead server, while the server
 * behind it keeps its state.
 *
 * <p>Why a proxy and not stopping the server: ElasticMQ and moto keep every queue, message, table and
 * bucket in memory, so stopping one loses all of it, an outage no real region has (after an AWS outage
 * the messages and items are still there). The apps are given this proxy's port as their endpoint
 * instead. {@link #outage()} closes the listening socket, so new connections are refused, and resets
 * every open connection (SO_LINGER 0), so calls in flight fail with "connection reset": the two things
 * a client sees when the server process dies. {@link #restore()} binds the same port again and the
 * clients reconnect to a server that never lost anything.
 *
 * <p>The proxy's port is taken below the kernel's ephemeral range: an outgoing connection can be given
 * an ephemeral port as its local port while the proxy is down, and re-binding would then fail.
 */
public final class OutageProxy implements AutoCloseable {
    private static final int BUFFER_BYTES = 16 * 1024;
    private static final int BACKLOG = 256;
    private static final long REBIND_TIMEOUT_MILLIS = 10_000;

    private final String name;
    private final InetSocketAddress upstream;
    private final int port;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads;
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong resets = new AtomicLong();
    private final AtomicInteger outages = new AtomicInteger();
    private ServerSocket listener;
    private Thread acceptThread;
    private boolean down;
    private boolean closed;

    private OutageProxy(String name, int upstreamPort, int port) {
        this.name = name;
        this.upstream = new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort);
        this.port = port;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "proxy-" + name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Listens on a free port of 127.0.0.1 and forwards every connection to {@code upstreamPort}. */
    public static OutageProxy start(String name, int upstreamPort) {
        OutageProxy proxy = new OutageProxy(name, upstreamPort, choosePort());
        proxy.restore();
        return proxy;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** What the apps are given as their endpoint. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The server is "dead" from now on: refuses connections, resets the open ones. Returns how many were reset. */
    public synchronized int outage() {
        if (down || closed) {
            return 0;
        }
        down = true;
        outages.incrementAndGet();
        stopListening();
        int reset = 0;
        for (Link link : List.copyOf(links)) {
            link.reset();
            reset++;
        }
        resets.addAndGet(reset);
        return reset;
    }

    /** The server is back, on the same port, with whatever state it had. */
    public synchronized void restore() {
        if (closed || listener != null) {
            return;
        }
        long deadline = System.currentTimeMillis() + REBIND_TIMEOUT_MILLIS;
        while (true) {
            try {
                ServerSocket socket = new ServerSocket();
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
                listener = socket;
                break;
            } catch (BindException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("proxy " + name + " cannot re-bind port " + port, e);
                }
                sleep(100);
            } catch (IOException e) {
                throw new IllegalStateException("proxy " + name + " cannot listen on port " + port, e);
            }
        }
        down = false;
        ServerSocket current = listener;
        acceptThread = new Thread(() -> acceptLoop(current), "proxy-" + name + "-accept");
        acceptThread.setDaemon(true);
        acceptThread.start();
    }

    public synchronized boolean isDown() {
        return down;
    }

    public long connections() {
        return connections.get();
    }

    public long resets() {
        return resets.get();
    }

    public int outages() {
        return outages.get();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            stopListening();
            List.copyOf(links).forEach(Link::reset);
        }
        threads.shutdownNow();
    }

    /**
     * Closes the listening socket and waits for the accept thread to leave {@code accept()}. Closing alone
     * is not enough: while a thread is blocked in accept() the kernel keeps the listening socket alive
     * until that call returns, and a client connecting in between would still get through.
     */
    private void stopListening() {
        closeQuietly(listener);
        listener = null;
        Thread accepting = acceptThread;
        acceptThread = null;
        if (accepting != null) {
            try {
                accepting.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void acceptLoop(ServerSocket socket) {
        while (true) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException closedByOutage) {
                return;
            }
            try {
                threads.execute(() -> connect(client));
            } catch (RejectedExecutionException closing) {
                new Link(client, new Socket()).reset();
                return;
            }
        }
    }

    private void connect(Socket client) {
        Socket server = new Socket();
        try {
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            server.connect(upstream, 5_000);
        } catch (IOException e) {
            // The real server is unreachable: pass that on as the client would see it.
            new Link(client, server).reset();
            return;
        }
        Link link = new Link(client, server);
        synchronized (this) {
            // Accepted just before an outage began: it must not outlive it.
            if (down || closed) {
                link.reset();
                return;
            }
            links.add(link);
        }
        connections.incrementAndGet();
        threads.execute(() -> pump(link, client, server));
        threads.execute(() -> pump(link, server, client));
    }

    private void pump(Link link, Socket from, Socket to) {
        byte[] buffer = new byte[BUFFER_BYTES];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // Either side went away (or the outage reset it): the link is over.
        } finally {
            link.close();
        }
    }

    /** A port below the ephemeral range that is free now; any free port if the range is unknown. */
    private static int choosePort() {
        int ephemeralLow = ephemeralRangeStart();
        if (ephemeralLow > 12_000) {
            Random random = new Random();
            for (int i = 0; i < 200; i++) {
                int candidate = 10_000 + random.nextInt(ephemeralLow - 10_000);
                if (LocalPorts.isFree(candidate)) {
                    return candidate;
                }
            }
        }
        return LocalPorts.free();
    }

    private static int ephemeralRangeStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Closing is all that is wanted; nothing to report.
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One client connection and its connection to the real server. */
    private final class Link {
        private final Socket client;
        private final Socket server;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        /** RST rather than FIN: what the peer of a killed process receives. */
        void reset() {
            abort(client);
            abort(server);
            links.remove(this);
        }

        void close() {
            closeQuietly(client);
            closeQuietly(server);
            links.remove(this);
        }

        private void abort(Socket socket) {
            try {
                if (!socket.isClosed()) {
                    socket.setSoLinger(true, 0);
                }
            } catch (IOException ignored) {
                // Not connected: closing is enough.
            }
            closeQuietly(socket);
        }
    }
}
