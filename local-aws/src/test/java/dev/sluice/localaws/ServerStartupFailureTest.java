package dev.sluice.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server that cannot start must say why, without anyone digging for its log. */
class ServerStartupFailureTest {

    @Test
    void motoOnTakenPortIsReportedBeforeLaunching(@TempDir Path logs) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            MotoServer server = new MotoServer(Path.of("/nonexistent/python"), taken.getLocalPort(), logs);

            assertThatThrownBy(server::start)
                    .isInstanceOf(LocalAwsException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " on 127.0.0.1 is in use");
        }
    }

    @Test
    void motoDyingAtStartUpIsReportedWithLogTail(@TempDir Path dir) throws Exception {
        Path fakePython = dir.resolve("python");
        Files.writeString(fakePython, "#!/bin/sh\necho 'ModuleNotFoundError: No module named moto'\nexit 1\n");
        Files.setPosixFilePermissions(fakePython, PosixFilePermissions.fromString("rwx------"));
        MotoServer server = new MotoServer(fakePython, LocalPorts.free(), dir, Duration.ofSeconds(10));

        assertThatThrownBy(server::start)
                .isInstanceOf(LocalAwsException.class)
                .hasMessageContaining("exited during start-up")
                .hasMessageContaining("No module named moto");
        assertThat(server.isRunning()).isFalse();
    }

    @Test
    void elasticMqOnTakenPortIsReported() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ElasticMqServer server = new ElasticMqServer(taken.getLocalPort(), LocalAws.REGION);

            assertThatThrownBy(server::start)
                    .isInstanceOf(LocalAwsException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " on 127.0.0.1 is in use");
            assertThat(server.isRunning()).isFalse();
        }
    }
}
