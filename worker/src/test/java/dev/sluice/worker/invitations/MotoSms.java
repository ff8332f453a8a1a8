package dev.sluice.worker.invitations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.devstack.DevStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The SMS moto's SNS accepted, read back from its model data ({@code GET /moto-api/data.json},
 * {@code sns.SMS}: {@code message_id}, {@code phone_number}, {@code message}).
 */
final class MotoSms {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MotoSms() {
    }

    /** Every SMS moto recorded to {@code e164}. */
    static List<JsonNode> to(String e164) {
        List<JsonNode> sent = new ArrayList<>();
        for (JsonNode sms : all()) {
            if (e164.equals(sms.path("phone_number").asText())) {
                sent.add(sms);
            }
        }
        return sent;
    }

    private static JsonNode all() {
        URI data = DevStack.shared().aws().endpoints().sns().resolve("/moto-api/data.json");
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(data).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("moto answered " + response.statusCode() + " for " + data);
            }
            // Absent until moto's SNS has accepted its first SMS.
            return JSON.readTree(response.body()).path("sns").path("SMS");
        } catch (IOException e) {
            throw new AssertionError("cannot read moto's data", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
