package dev.sluice.worker.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against WireMock standing in for api.twilio.com, over real HTTP. */
class TwilioSmsProviderTest {
    private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "f00dfeedc0ffee0123456789abcdef99";
    private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";
    private static final String TO = "+447700900123";
    private static final String FROM = "+15005550006";

    private static WireMockServer twilio;

    @BeforeAll
    static void start() {
        twilio = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        twilio.start();
    }

    @AfterAll
    static void stop() {
        twilio.stop();
    }

    @BeforeEach
    void reset() {
        twilio.resetAll();
    }

    @Test
    void aCreatedMessageIsSentWithItsFormFieldsBasicAuthAndStatusCallback() {
        answerCreate(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"SM1234567890abcdef1234567890abcd\",\"status\":\"queued\",\"to\":\"" + TO + "\"}"));
        String body = "Zoë & Ann invited you: https://sluice.example/i/a?b=c&d=€";
        URI callback = URI.create("https://api.sluice.example/v1/sms/status?invitation=inv-1");

        SmsSendResult result = provider(FROM).send(new SmsMessage(TO, body, "inv-1", Optional.of(callback)));

        assertThat(result).isEqualTo(new SmsSendResult.Sent("SM1234567890abcdef1234567890abcd"));
        twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES))
                .withHeader("Authorization", equalTo("Basic " + Base64.getEncoder()
                        .encodeToString((ACCOUNT + ":" + TOKEN).getBytes(StandardCharsets.UTF_8))))
                .withHeader("Content-Type", equalToIgnoreCase("application/x-www-form-urlencoded; charset=utf-8"))
                .withFormParam("To", equalTo(TO))
                .withFormParam("From", equalTo(FROM))
                .withFormParam("Body", equalTo(body))
                .withFormParam("StatusCallback", equalTo(callback.toString())));
    }

    @Test
    void aMessagingServiceSendsWithoutFromAndWithoutCallbackWhenNoneIsGiven() {
        answerCreate(aResponse().withStatus(201).withBody("{\"sid\":\"SMabc\",\"status\":\"accepted\"}"));

        SmsSendResult result = provider("MG0123456789abcdef0123456789abcdef")
                .send(new SmsMessage(TO, "hello", "inv-2", Optional.empty()));

        assertThat(result).isEqualTo(new SmsSendResult.Sent("SMabc"));
        LoggedRequest request = twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES))).get(0);
        assertThat(request.getBodyAsString()).isEqualTo(
                "To=%2B447700900123&MessagingServiceSid=MG0123456789abcdef0123456789abcdef&Body=hello");
    }

    @Test
    void anInvalidNumberIsRejectedForGood() {
        answerCreate(twilioError(400, 21211, "The 'To' number +4477 is not a valid phone number."));

        SmsSendResult result = send();

        assertThat(result).isInstanceOf(SmsSendResult.Rejected.class);
        SmsSendResult.Rejected rejected = (SmsSendResult.Rejected) result;
        assertThat(rejected.code()).isEqualTo("21211");
        assertThat(rejected.retryable()).isFalse();
        assertThat(rejected.reason()).contains("HTTP 400", "is not a valid phone number");
    }

    @Test
    void anUnsubscribedRecipientIsRejectedForGood() {
        answerCreate(twilioError(400, 21610, "Attempt to send to unsubscribed recipient"));

        assertThat(send()).isEqualTo(new SmsSendResult.Rejected("21610",
                "Twilio error 21610 (HTTP 400): Attempt to send to unsubscribed recipient", false));
    }

    @Test
    void tooManyRequestsIsRejectedButRetryable() {
        answerCreate(twilioError(429, 20429, "Too Many Requests"));

        assertThat(send()).isEqualTo(new SmsSendResult.Rejected("20429",
                "Twilio error 20429 (HTTP 429): Too Many Requests", true));
    }

    @Test
    void aTwilioServerErrorWithItsErrorBodyIsRejectedButRetryable() {
        answerCreate(twilioError(500, 20500, "Internal Server Error"));

        assertThat(send()).isEqualTo(new SmsSendResult.Rejected("20500",
                "Twilio error 20500 (HTTP 500): Internal Server Error", true));
    }

    @Test
    void aGatewayErrorWithoutTwilioBodyIsUnknown() {
        answerCreate(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withBody("<html><body>Bad Gateway</body></html>"));

        assertThat(send()).isInstanceOf(SmsSendResult.Unknown.class);
    }

    @Test
    void aSuccessWithoutReadableSidIsUnknown() {
        answerCreate(aResponse().withStatus(201).withBody("{\"status\":\"queued\""));

        assertThat(send()).isInstanceOf(SmsSendResult.Unknown.class);
    }

    @Test
    void noAnswerWithinTheReadTimeoutIsUnknown() {
        answerCreate(aResponse().withStatus(201).withBody("{\"sid\":\"SMlate\"}").withFixedDelay(3_000));
        TwilioSmsProvider impatient = new TwilioSmsProvider(
                settings(URI.create(twilio.baseUrl()), FROM, Duration.ofMillis(500)));

        SmsSendResult result = impatient.send(new SmsMessage(TO, "hello", "inv-4", Optional.empty()));

        assertThat(result).isInstanceOf(SmsSendResult.Unknown.class);
        assertThat(((SmsSendResult.Unknown) result).reason()).contains("read timeout");
        // The request did reach the server: exactly why a blind retry could send twice.
        twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void aRefusedConnectionIsRejectedAsRetryableBecauseNothingWasSent() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TwilioSmsProvider provider = new TwilioSmsProvider(settings(URI.create("http://127.0.0.1:" + closedPort), FROM));

        SmsSendResult result = provider.send(new SmsMessage(TO, "hello", "inv-3", Optional.empty()));

        assertThat(result).isInstanceOf(SmsSendResult.Rejected.class);
        assertThat(((SmsSendResult.Rejected) result).code()).isEqualTo("connect-failed");
        assertThat(((SmsSendResult.Rejected) result).retryable()).isTrue();
    }

    @Test
    void findSentSinceFollowsPagesAndKeepsOnlyMessagesToTheNumberCreatedSinceTheInstant() throws Exception {
        String second = MESSAGES + "?To=%2B447700900123&PageSize=100&Page=1&PageToken=PAxyz";
        String third = MESSAGES + "?To=%2B447700900123&PageSize=100&Page=2&PageToken=PAold";
        twilio.stubFor(get(urlEqualTo(MESSAGES + "?To=%2B447700900123&PageSize=100")).willReturn(aResponse()
                .withStatus(200).withBody(page(second,
                        message("SMnew", TO, "queued", "Tue, 10 Mar 2026 12:00:05 +0000", "Ann invited you: https://s.example/i/1"),
                        message("SMother", "+15550001111", "sent", "Tue, 10 Mar 2026 12:00:04 +0000", "not for this number")))));
        // No order is relied on: a page that mixes new and old messages does not end the search...
        twilio.stubFor(get(urlEqualTo(second)).willReturn(aResponse().withStatus(200).withBody(page(third,
                message("SMedge", TO, "delivered", "Tue, 10 Mar 2026 12:00:00 +0000", "at the instant"),
                message("SMold", TO, "delivered", "Mon, 09 Mar 2026 08:00:00 +0000", "yesterday")))));
        // ...a page wholly older than the instant does, though Twilio offers a next one.
        twilio.stubFor(get(urlEqualTo(third)).willReturn(aResponse().withStatus(200).withBody(page(
                MESSAGES + "?To=%2B447700900123&PageSize=100&Page=3&PageToken=PAolder",
                message("SMolder", TO, "delivered", "Sun, 08 Mar 2026 08:00:00 +0000", "two days ago")))));

        List<SentSms> found = provider(FROM).findSentSince(TO, Instant.parse("2026-03-10T12:00:00Z"));

        assertThat(found).extracting(SentSms::sid).containsExactly("SMnew", "SMedge");
        assertThat(found.get(0).status()).isEqualTo("queued");
        assertThat(found.get(0).dateCreated()).isEqualTo(Instant.parse("2026-03-10T12:00:05Z"));
        assertThat(found.get(0).body()).contains("https://s.example/i/1");
        twilio.verify(3, getRequestedFor(urlPathEqualTo(MESSAGES)));
        twilio.verify(3, getRequestedFor(urlPathEqualTo(MESSAGES)).withQueryParam("To", equalTo(TO)));
    }

    @Test
    void findSentSinceStopsAtAPageWhollyOlderThanTheInstant() throws Exception {
        twilio.stubFor(get(urlEqualTo(MESSAGES + "?To=%2B447700900123&PageSize=100")).willReturn(aResponse()
                .withStatus(200).withBody(page(MESSAGES + "?To=%2B447700900123&PageSize=100&Page=1&PageToken=PAnext",
                        message("SMold", TO, "delivered", "Mon, 09 Mar 2026 08:00:00 +0000", "yesterday")))));

        assertThat(provider(FROM).findSentSince(TO, Instant.parse("2026-03-10T00:00:00Z"))).isEmpty();
        twilio.verify(1, getRequestedFor(urlPathEqualTo(MESSAGES)));
    }

    @Test
    void aRefusedLookupFailsInsteadOfAnsweringNothingAndNamesNoSecret() {
        twilio.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(twilioError(401, 20003, "Authenticate")));

        assertThatThrownBy(() -> provider(FROM).findSentSince(TO, Instant.parse("2026-03-10T00:00:00Z")))
                .isInstanceOf(SmsLookupException.class)
                .hasMessageContaining("20003")
                .satisfies(e -> assertThat(e.toString()).doesNotContain(TOKEN));
    }

    @Test
    void theAuthTokenAppearsInNoResultAndNoSettingsText() {
        answerCreate(twilioError(401, 20003, "Authenticate"));

        SmsSendResult result = send();

        assertThat(result).isInstanceOf(SmsSendResult.Rejected.class);
        assertThat(result.toString()).doesNotContain(TOKEN);
        assertThat(settings(URI.create(twilio.baseUrl()), FROM).toString())
                .doesNotContain(TOKEN).contains("authToken=***");
    }

    private SmsSendResult send() {
        return provider(FROM).send(new SmsMessage(TO, "hello", "inv-9", Optional.empty()));
    }

    private static TwilioSmsProvider provider(String sender) {
        return new TwilioSmsProvider(settings(URI.create(twilio.baseUrl()), sender));
    }

    private static TwilioSettings settings(URI baseUrl, String sender) {
        return settings(baseUrl, sender, Duration.ofSeconds(5));
    }

    private static TwilioSettings settings(URI baseUrl, String sender, Duration readTimeout) {
        return new TwilioSettings(baseUrl, ACCOUNT, TOKEN, sender, Duration.ofSeconds(2), readTimeout);
    }

    private static void answerCreate(ResponseDefinitionBuilder response) {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(response));
    }

    private static ResponseDefinitionBuilder twilioError(int status, int code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":" + code + ",\"message\":\"" + message + "\",\"more_info\":"
                        + "\"https://www.twilio.com/docs/errors/" + code + "\",\"status\":" + status + "}");
    }

    private static String page(String nextPageUri, String... messages) {
        return "{\"messages\":[" + String.join(",", messages) + "],\"next_page_uri\":\"" + nextPageUri
                + "\",\"page\":0,\"page_size\":100}";
    }

    private static String message(String sid, String to, String status, String created, String body) {
        return "{\"sid\":\"" + sid + "\",\"to\":\"" + to + "\",\"from\":\"" + FROM + "\",\"status\":\"" + status
                + "\",\"date_created\":\"" + created + "\",\"date_sent\":null,\"body\":\"" + body + "\"}";
    }
}
