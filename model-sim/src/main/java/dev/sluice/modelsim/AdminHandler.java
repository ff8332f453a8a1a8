package dev.sluice.modelsim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The runtime admin API:
 * <ul>
 *   <li>{@code GET /admin/config}, {@code PUT /admin/config} with any of {@code latency},
 *       {@code failureRates} (replaced as a whole) and {@code seed} (restarts the random sequence)</li>
 *   <li>{@code GET /admin/faults}, {@code POST /admin/faults} (one rule or an array),
 *       {@code DELETE /admin/faults}</li>
 *   <li>{@code GET /admin/invocations[?taskId=&endpoint=]}, {@code DELETE /admin/invocations}</li>
 * </ul>
 */
final class AdminHandler implements HttpHandler {

    private static final int MAX_ADMIN_BODY = 1024 * 1024;

    private final InvocationPlanner planner;
    private final InvocationAudit audit;

    AdminHandler(InvocationPlanner planner, InvocationAudit audit) {
        this.planner = planner;
        this.audit = audit;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            try {
                switch (path.endsWith("/") ? path.substring(0, path.length() - 1) : path) {
                    case "/admin/config" -> config(exchange, method);
                    case "/admin/faults" -> faults(exchange, method);
                    case "/admin/invocations" -> invocations(exchange, method);
                    default -> HttpExchanges.sendAdminError(exchange, 404, "No admin resource " + path);
                }
            } catch (JsonMappingException e) {
                // Record constructors reject bad values with IllegalArgumentException, which
                // Jackson wraps: show the innermost message, it is the one written for people.
                HttpExchanges.sendAdminError(exchange, 400, rootMessage(e));
            } catch (JsonProcessingException e) {
                HttpExchanges.sendAdminError(exchange, 400, "Invalid JSON: " + e.getOriginalMessage());
            } catch (IllegalArgumentException e) {
                HttpExchanges.sendAdminError(exchange, 400, e.getMessage());
            }
        }
    }

    private void config(HttpExchange exchange, String method) throws IOException {
        switch (method) {
            case "GET" -> HttpExchanges.sendJson(exchange, 200, planner.config());
            case "PUT" -> {
                ConfigUpdate update = Json.MAPPER.treeToValue(readJson(exchange), ConfigUpdate.class);
                SimConfig config = update.applyTo(planner.config());
                if (update.seed() != null) {
                    planner.reseed(update.seed());
                }
                planner.setConfig(config);
                HttpExchanges.sendJson(exchange, 200, config);
            }
            default -> notAllowed(exchange, "GET, PUT");
        }
    }

    private void faults(HttpExchange exchange, String method) throws IOException {
        switch (method) {
            case "GET" -> HttpExchanges.sendJson(exchange, 200, planner.faults().rules());
            case "POST" -> {
                JsonNode body = readJson(exchange);
                List<FaultRule> rules = new ArrayList<>();
                if (body.isArray()) {
                    for (JsonNode rule : body) {
                        rules.add(Json.MAPPER.treeToValue(rule, FaultRule.class));
                    }
                } else {
                    rules.add(Json.MAPPER.treeToValue(body, FaultRule.class));
                }
                // Validate all before adding any, so a bad array changes nothing.
                rules.forEach(planner.faults()::add);
                HttpExchanges.sendJson(exchange, 201, planner.faults().rules());
            }
            case "DELETE" -> {
                planner.faults().clear();
                HttpExchanges.sendEmpty(exchange, 204);
            }
            default -> notAllowed(exchange, "GET, POST, DELETE");
        }
    }

    private void invocations(HttpExchange exchange, String method) throws IOException {
        switch (method) {
            case "GET" -> {
                Map<String, String> query = HttpExchanges.queryParameters(exchange);
                String taskId = query.get("taskId");
                String endpoint = query.get("endpoint");
                List<InvocationRecord> records = audit.snapshot().stream()
                        .filter(r -> taskId == null || taskId.equals(r.taskId()))
                        .filter(r -> endpoint == null || endpoint.equals(r.endpoint()))
                        .toList();
                HttpExchanges.sendJson(exchange, 200, records);
            }
            case "DELETE" -> {
                audit.clear();
                HttpExchanges.sendEmpty(exchange, 204);
            }
            default -> notAllowed(exchange, "GET, DELETE");
        }
    }

    private static JsonNode readJson(HttpExchange exchange) throws IOException {
        JsonNode node = Json.MAPPER.readTree(HttpExchanges.readBody(exchange, MAX_ADMIN_BODY));
        if (node == null || node.isMissingNode()) {
            throw new IllegalArgumentException("JSON body required");
        }
        return node;
    }

    private static void notAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        HttpExchanges.sendAdminError(exchange, 405, "Allowed: " + allowed);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root instanceof JsonProcessingException json ? json.getOriginalMessage() : root.getMessage();
    }
}
