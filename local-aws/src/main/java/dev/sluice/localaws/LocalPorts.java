package dev.sluice.localaws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port look-ups on the loopback interface, where every local server binds. */
public final class LocalPorts {

    private LocalPorts() {
    }

    /**
     * A port that was free a moment ago. Servers keep the port for their whole life, so a
     * restart after a simulated outage comes back where clients already point.
     */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free local port", e);
        }
    }

    /** Whether a server could bind {@code port} on 127.0.0.1 right now. */
    public static boolean isFree(int port) {
        // SO_REUSEADDR mirrors what the servers do, so sockets in TIME_WAIT from a stopped
        // server do not count as "taken".
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
