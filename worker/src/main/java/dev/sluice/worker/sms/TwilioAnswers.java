package dev.sluice.worker.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.Optional;
import java.util.Set;

/**
 * Classifies what Twilio's Messages API answered to a create ({@code POST Messages.json}), or how the call
 * failed. A Twilio error body is JSON with a numeric {@code code}, a {@code message} and the HTTP
 * {@code status}; only such a body counts as Twilio's own definite refusal.
 *
 * <table>
 *   <tr><th>answer / failure</th><th>result</th></tr>
 *   <tr><td>2xx with a {@code sid}</td><td>Sent</td></tr>
 *   <tr><td>2xx without a readable {@code sid}</td><td>Unknown (the message may exist)</td></tr>
 *   <tr><td>429, or error code 20429 (too many requests) or 14107 (send rate limit)</td><td>Rejected, retryable</td></tr>
 *   <tr><td>other 4xx with a Twilio error: 21211 invalid To, 21610 unsubscribed recipient, 21614 not a
 *       mobile number, 21408 region not enabled, 21606/21212 bad From, 20003 authentication …</td><td>Rejected, not retryable</td></tr>
 *   <tr><td>4xx without a Twilio error body</td><td>Rejected {@code http-<status>}, retryable for 408 only</td></tr>
 *   <tr><td>5xx with a Twilio error body</td><td>Rejected, retryable</td></tr>
 *   <tr><td>5xx without one (a proxy's 502/503/504 page, an empty body)</td><td>Unknown</td></tr>
 *   <tr><td>1xx/3xx</td><td>Unknown</td></tr>
 *   <tr><td>connection refused, DNS failure, connect timeout, TLS handshake failure</td><td>Rejected {@code connect-failed}, retryable</td></tr>
 *   <tr><td>no answer within the read timeout, connection reset or closed, any other I/O error</td><td>Unknown</td></tr>
 * </table>
 */
final class TwilioAnswers {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Integer> RETRYABLE_CODES = Set.of(20429, 14107);

    private TwilioAnswers() {
    }

    static SmsSendResult ofCreate(int status, String body) {
        if (status >= 200 && status < 300) {
            return text(read(body), "sid").<SmsSendResult>map(SmsSendResult.Sent::new)
                    .orElseGet(() -> new SmsSendResult.Unknown("Twilio answered " + status + " without a message SID"));
        }
        Optional<TwilioError> error = TwilioError.of(read(body));
        if (status >= 400 && status < 500) {
            if (error.isPresent()) {
                TwilioError e = error.get();
                return new SmsSendResult.Rejected(String.valueOf(e.code()), e.describe(status),
                        status == 429 || RETRYABLE_CODES.contains(e.code()));
            }
            return new SmsSendResult.Rejected("http-" + status, "Twilio answered " + status + " without an error body",
                    status == 408 || status == 429);
        }
        if (status >= 500 && error.isPresent()) {
            TwilioError e = error.get();
            return new SmsSendResult.Rejected(String.valueOf(e.code()), e.describe(status), true);
        }
        return new SmsSendResult.Unknown("Twilio answered " + status + " without a Twilio error body");
    }

    static SmsSendResult ofFailure(IOException failure) {
        if (ConnectFailures.isConnectFailure(failure)) {
            return new SmsSendResult.Rejected("connect-failed", "cannot connect to Twilio: " + describe(failure), true);
        }
        if (failure instanceof HttpTimeoutException) {
            return new SmsSendResult.Unknown("no answer from Twilio within the read timeout: " + describe(failure));
        }
        return new SmsSendResult.Unknown("request to Twilio failed after it may have been sent: " + describe(failure));
    }

    static String describe(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    /** The parsed body, or a missing node when it is not JSON (an HTML error page, nothing at all). */
    static JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** Twilio's error body: {@code {"code": 21211, "message": "…", "more_info": "…", "status": 400}}. */
    record TwilioError(int code, String message) {
        static Optional<TwilioError> of(JsonNode body) {
            JsonNode code = body.path("code");
            if (!code.canConvertToInt() || !body.path("message").isTextual()) {
                return Optional.empty();
            }
            return Optional.of(new TwilioError(code.asInt(), body.path("message").asText()));
        }

        String describe(int status) {
            return "Twilio error " + code + " (HTTP " + status + "): " + message;
        }
    }
}
