package dev.sluice.worker.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.devstack.DevStack;
import dev.sluice.devstack.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The worker's configured {@link SmsProvider} (SNS by default) against moto, which keeps every SMS it
 * accepts: read back from moto's model data ({@code GET /moto-api/data.json}, {@code sns.SMS}).
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = DevStackResource.MODEL, value = "true"))
class SnsSmsProviderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SmsProvider provider;

    @Inject
    SmsTemplate template;

    @Inject
    SnsClient sns;

    @Test
    void theSnsClientNeverRetriesAndTellsFailuresBeforeSendingApart() {
        var override = sns.serviceClientConfiguration().overrideConfiguration();

        assertThat(override.retryStrategy()).get().extracting(s -> s.maxAttempts()).isEqualTo(1);
        assertThat(override.executionInterceptors()).anyMatch(SnsTransmission.class::isInstance);
    }

    @Test
    void theInvitationReachesSnsForTheNumberWithItsText() throws Exception {
        String link = "https://sluice.example/i/" + UUID.randomUUID();
        String body = template.render("Ada Lovelace", link).text();

        SmsSendResult result = provider.send(new SmsMessage("+447700900123", body, "inv-" + UUID.randomUUID(),
                Optional.empty()));

        assertThat(provider.name()).isEqualTo("sns");
        assertThat(result).isInstanceOf(SmsSendResult.Sent.class);
        String messageId = ((SmsSendResult.Sent) result).providerMessageId();
        JsonNode recorded = smsRecordedByMoto(messageId);
        assertThat(recorded.path("phone_number").asText()).isEqualTo("+447700900123");
        assertThat(recorded.path("message").asText())
                .isEqualTo("Ada Lovelace invited you to try Sluice. Sign up using this link: " + link);
    }

    @Test
    void aNumberSnsRefusesIsRejectedForGoodAndNothingIsRecorded() throws Exception {
        int before = recordedSms().size();

        SmsSendResult result = provider.send(new SmsMessage("0044 7700 900123", "hello", "inv-x", Optional.empty()));

        assertThat(result).isInstanceOf(SmsSendResult.Rejected.class);
        SmsSendResult.Rejected rejected = (SmsSendResult.Rejected) result;
        assertThat(rejected.code()).isEqualTo("InvalidParameter");
        assertThat(rejected.retryable()).isFalse();
        assertThat(recordedSms().size()).isEqualTo(before);
    }

    private static JsonNode smsRecordedByMoto(String messageId) throws Exception {
        for (JsonNode sms : recordedSms()) {
            if (messageId.equals(sms.path("message_id").asText())) {
                return sms;
            }
        }
        throw new AssertionError("moto recorded no SMS with MessageId " + messageId);
    }

    private static JsonNode recordedSms() throws Exception {
        URI data = DevStack.shared().aws().endpoints().sns().resolve("/moto-api/data.json");
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(data).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).path("sns").path("SMS");
    }
}
