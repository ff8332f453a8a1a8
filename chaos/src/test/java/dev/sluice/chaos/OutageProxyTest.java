package dev.sluice.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/** The outage must look like a dead server to clients, while the server behind keeps its state. */
class OutageProxyTest {
    private ServerSocket server;
    private final AtomicInteger counter = new AtomicInteger();
    private OutageProxy proxy;

    @BeforeEach
    void startCountingServer() throws IOException {
        // A line server with state: answers every line with a counter that only grows.
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread t = new Thread(() -> serve(s));
                    t.setDaemon(true);
                    t.start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        accept.setDaemon(true);
        accept.start();
        proxy = OutageProxy.start("test", server.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        server.close();
    }

    /** Repeated: the interesting failures are races between closing the listener and a client connecting. */
    @RepeatedTest(20)
    void outageRefusesNewConnectionsResetsOpenOnesAndRestoreKeepsTheServersState() throws IOException {
        Socket open = connect();
        assertThat(ask(open)).isEqualTo("1");

        int reset = proxy.outage();

        assertThat(reset).isEqualTo(1);
        assertThatThrownBy(() -> ask(open)).isInstanceOf(SocketException.class);
        assertThatThrownBy(this::connect).isInstanceOf(ConnectException.class);

        proxy.restore();

        try (Socket again = connect()) {
            assertThat(ask(again)).as("same port, same server state").isEqualTo("2");
        }
        assertThat(proxy.outages()).isEqualTo(1);
    }

    private Socket connect() throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), proxy.port());
    }

    private static String ask(Socket socket) throws IOException {
        PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
        out.println("next");
        String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        if (line == null) {
            throw new SocketException("closed");
        }
        return line;
    }

    private void serve(Socket socket) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
            while (in.readLine() != null) {
                out.println(counter.incrementAndGet());
            }
        } catch (IOException gone) {
            // the proxy reset it
        }
    }
}
