package dev.sluice.modelsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real SDK S3 client against a minimal S3 that serves GetObject over HTTP, enough to check
 * path-style addressing and how "no such key" and "unreachable" are told apart. The project's
 * end-to-end tests cover a full S3 emulator.
 */
class S3VideoSourceTest {

    private static final byte[] VIDEO = "video bytes".getBytes(StandardCharsets.UTF_8);
    private static final List<String> requestedPaths = new CopyOnWriteArrayList<>();
    private static HttpServer s3;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s3.createContext("/", exchange -> {
            try (exchange) {
                requestedPaths.add(exchange.getRequestURI().getPath());
                if (exchange.getRequestURI().getPath().equals("/videos/uploads/car.mp4")) {
                    exchange.getResponseHeaders().set("Content-Type", "video/mp4");
                    exchange.sendResponseHeaders(200, VIDEO.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(VIDEO);
                    }
                } else {
                    byte[] error = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code>"
                            + "<Message>The specified key does not exist.</Message></Error>")
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/xml");
                    exchange.sendResponseHeaders(404, error.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(error);
                    }
                }
            }
        });
        s3.start();
    }

    @AfterAll
    static void stopS3() {
        s3.stop(0);
    }

    private static S3Settings settingsFor(URI endpoint) {
        return new S3Settings(null, null, null, Map.of("AWS_ENDPOINT_URL_S3", endpoint.toString()));
    }

    @Test
    void readsAnObjectPathStyleFromTheEnvironmentsEndpoint() throws Exception {
        try (S3VideoSource source = new S3VideoSource(
                settingsFor(URI.create("http://127.0.0.1:" + s3.getAddress().getPort())))) {
            Optional<InputStream> object = source.open("videos", "uploads/car.mp4");

            assertThat(object).isPresent();
            try (InputStream in = object.get()) {
                assertThat(in.readAllBytes()).isEqualTo(VIDEO);
            }
            assertThat(requestedPaths).contains("/videos/uploads/car.mp4");
        }
    }

    @Test
    void missingKeyIsEmpty() throws Exception {
        try (S3VideoSource source = new S3VideoSource(
                settingsFor(URI.create("http://127.0.0.1:" + s3.getAddress().getPort())))) {
            assertThat(source.open("videos", "uploads/missing.mp4")).isEmpty();
        }
    }

    @Test
    void unreachableS3IsAnErrorNotAMissingObject() {
        try (S3VideoSource source = new S3VideoSource(settingsFor(URI.create("http://127.0.0.1:1")))) {
            assertThatThrownBy(() -> source.open("videos", "uploads/car.mp4")).isInstanceOf(RuntimeException.class);
        }
    }
}
