package dev.sluice.modelsim;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading requests and writing responses on the JDK HTTP server. */
final class HttpExchanges {

    private HttpExchanges() {
    }

    /** Thrown when a body exceeds the limit: read no further, the caller answers an error. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge(long limit) {
            super("Request body is larger than " + limit + " bytes");
        }
    }

    static byte[] readBody(HttpExchange exchange, int limit) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw new BodyTooLarge(limit);
            }
            return body;
        }
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body, Map<String, String> headers)
            throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        // -1 announces "no body"; 0 would mean chunked.
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static void sendJson(HttpExchange exchange, int status, Object value) throws IOException {
        send(exchange, status, "application/json", Json.MAPPER.writeValueAsBytes(value), Map.of());
    }

    static void sendEmpty(HttpExchange exchange, int status) throws IOException {
        send(exchange, status, null, new byte[0], Map.of());
    }

    /** The admin API's own errors: plain JSON, no SageMaker conventions. */
    static void sendAdminError(HttpExchange exchange, int status, String message) throws IOException {
        sendJson(exchange, status, Map.of("message", message));
    }

    static void sendSageMakerError(HttpExchange exchange, SageMakerError error, String requestId) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SageMakerError.ERROR_TYPE_HEADER, error.code());
        headers.put("x-amzn-RequestId", requestId);
        send(exchange, error.status(), "application/json",
                Json.MAPPER.writeValueAsString(error.body()).getBytes(StandardCharsets.UTF_8), headers);
    }

    static Map<String, String> queryParameters(HttpExchange exchange) {
        Map<String, String> params = new LinkedHashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(decode(key), decode(value));
        }
        return params;
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
