package dev.sluice.modelsim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;

/**
 * {@code GET /ping}, the SageMaker container health check (200, empty body), and
 * {@code GET /health} for humans and Kubernetes probes; 404 for every path no other handler owns.
 */
final class HealthHandler implements HttpHandler {

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!exchange.getRequestMethod().equals("GET")) {
                HttpExchanges.sendAdminError(exchange, 405, "Allowed: GET");
            } else if (path.equals("/ping")) {
                HttpExchanges.sendEmpty(exchange, 200);
            } else if (path.equals("/health")) {
                HttpExchanges.sendJson(exchange, 200, Map.of("status", "UP"));
            } else {
                HttpExchanges.sendAdminError(exchange, 404, "Not found: " + path);
            }
        }
    }
}
