package dev.sluice.modelsim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /endpoints/{name}/invocations}, the SageMaker Runtime InvokeEndpoint operation.
 * Every request that reaches it is audited, whatever it answers.
 */
final class InvocationHandler implements HttpHandler {

    /** SageMaker real-time endpoints accept payloads up to 6 MB. */
    static final int MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

    private final InvocationPlanner planner;
    private final InferenceEngine engine;
    private final InvocationAudit audit;
    private final String region;

    InvocationHandler(InvocationPlanner planner, InferenceEngine engine, InvocationAudit audit, String region) {
        this.planner = planner;
        this.engine = engine;
        this.audit = audit;
        this.region = region;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long startNanos = System.nanoTime();
        long seq = audit.nextSeq();
        String requestId = UUID.randomUUID().toString();
        CustomAttributes attributes = CustomAttributes.parse(
                exchange.getRequestHeaders().getFirst(CustomAttributes.HEADER));
        String endpoint = endpointName(exchange);
        long latency = 0;
        Reply reply;
        try {
            if (endpoint == null || !"POST".equals(exchange.getRequestMethod())) {
                reply = new Reply.Failure(SageMakerError.unknownOperation("No operation "
                        + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()),
                        InvocationRecord.VALIDATION_ERROR);
                endpoint = endpoint == null ? "" : endpoint;
            } else {
                String body = new String(HttpExchanges.readBody(exchange, MAX_PAYLOAD_BYTES), StandardCharsets.UTF_8);
                ModelRequest request = ModelRequest.parse(body);
                InvocationPlan plan = planner.plan(body, attributes.taskId());
                latency = plan.latencyMillis();
                // The simulated model time comes first for every outcome, so a failure can also
                // outlast a caller's timeout.
                Thread.sleep(latency);
                reply = plan.failure() != null ? engine.injected(plan.failure(), endpoint) : engine.run(endpoint, request);
            }
        } catch (HttpExchanges.BodyTooLarge e) {
            reply = validation(e.getMessage());
        } catch (ModelRequest.NotARequest e) {
            reply = validation(e.getMessage());
        } catch (ModelRequest.RejectedInput e) {
            reply = new Reply.Failure(SageMakerError.modelError(400, endpoint, region, e.getMessage()),
                    FailureKind.MODEL_4XX.id());
        } catch (InterruptedException e) {
            // Only happens while the simulator stops.
            Thread.currentThread().interrupt();
            reply = internal("Simulator is stopping");
        } catch (IOException e) {
            reply = internal("Could not read the request: " + e.getMessage());
        } catch (RuntimeException e) {
            reply = internal("Simulator failure: " + e);
        }

        // Taken before writing, so [startNanos, endNanos] lies within the caller's own view of the call.
        long endNanos = System.nanoTime();
        audit.answering();
        boolean disconnected = true;
        try {
            disconnected = !respond(exchange, reply, attributes, requestId);
        } finally {
            audit.add(new InvocationRecord(seq, endpoint, attributes.taskId(), attributes.fencingToken(),
                    attributes.caller(), attributes.raw(), startNanos, endNanos, latency, reply.status(),
                    reply.outcome(), disconnected));
        }
    }

    /** @return false when the caller had gone and the response could not be written */
    private static boolean respond(HttpExchange exchange, Reply reply, CustomAttributes attributes, String requestId) {
        try (exchange) {
            if (reply instanceof Reply.Output output) {
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("x-Amzn-Invoked-Production-Variant", "AllTraffic");
                headers.put("x-amzn-RequestId", requestId);
                if (attributes.raw() != null) {
                    headers.put(CustomAttributes.HEADER, attributes.raw());
                }
                HttpExchanges.send(exchange, 200, output.contentType(), output.body(), headers);
            } else {
                HttpExchanges.sendSageMakerError(exchange, ((Reply.Failure) reply).error(), requestId);
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Reply validation(String message) {
        return new Reply.Failure(SageMakerError.validation(message), InvocationRecord.VALIDATION_ERROR);
    }

    private static Reply internal(String message) {
        return new Reply.Failure(SageMakerError.internalFailure(message), InvocationRecord.INTERNAL_ERROR);
    }

    /** The {name} of /endpoints/{name}/invocations, or null for any other path. */
    private static String endpointName(HttpExchange exchange) {
        String[] segments = exchange.getRequestURI().getPath().split("/", -1);
        if (segments.length == 4 && segments[0].isEmpty() && segments[1].equals("endpoints")
                && !segments[2].isEmpty() && segments[3].equals("invocations")) {
            return segments[2];
        }
        return null;
    }
}
