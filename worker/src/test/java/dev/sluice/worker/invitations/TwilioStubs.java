package dev.sluice.worker.invitations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Twilio's answers for one number, stubbed on {@link TwilioStandIn} over WireMock's admin API: every
 * stub matches on {@code To}, so each test's invitation (a number of its own) sees only its own.
 */
final class TwilioStubs {
    static final String MESSAGES = "/2010-04-01/Accounts/" + TwilioProfile.ACCOUNT + "/Messages.json";
    /** Twilio's {@code date_created}: RFC 2822, to the second. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMock wireMock;
    private final String to;

    TwilioStubs(URI baseUrl, String to) {
        this.wireMock = new WireMock(baseUrl.getHost(), baseUrl.getPort());
        this.to = to;
    }

    /** The creates ({@code POST Messages.json}) to the number answer these, in turn; the last one from then on. */
    void answerCreates(ResponseDefinitionBuilder... answers) {
        String scenario = "creates to " + to;
        for (int i = 0; i < answers.length; i++) {
            var stub = post(urlPathEqualTo(MESSAGES)).withFormParam("To", equalTo(to))
                    .inScenario(scenario).whenScenarioStateIs(i == 0 ? Scenario.STARTED : "create " + i)
                    .willReturn(answers[i]);
            if (i + 1 < answers.length) {
                stub.willSetStateTo("create " + (i + 1));
            }
            wireMock.register(stub);
        }
    }

    /** The message list ({@code GET Messages.json?To=…}) holds one message to the number, created at {@code created}. */
    void listMessage(String sid, String body, Instant created) {
        ObjectNode page = JSON.createObjectNode().putNull("next_page_uri");
        page.putArray("messages").addObject().put("sid", sid).put("to", to).put("from", TwilioProfile.FROM)
                .put("status", "sent").put("body", body).put("date_created", DATE.format(created));
        answerList(page.toString());
    }

    /** The message list holds nothing to the number. */
    void listNothing() {
        answerList("{\"messages\":[],\"next_page_uri\":null}");
    }

    int creates() {
        return wireMock.find(postRequestedFor(urlPathEqualTo(MESSAGES)).withFormParam("To", equalTo(to))).size();
    }

    int lists() {
        return wireMock.find(getRequestedFor(urlPathEqualTo(MESSAGES)).withQueryParam("To", equalTo(to))).size();
    }

    static ResponseDefinitionBuilder created(String sid) {
        return json(201, "{\"sid\":\"" + sid + "\",\"status\":\"queued\"}");
    }

    static ResponseDefinitionBuilder error(int status, int code, String message) {
        return json(status, "{\"code\":" + code + ",\"message\":\"" + message + "\",\"more_info\":"
                + "\"https://www.twilio.com/docs/errors/" + code + "\",\"status\":" + status + "}");
    }

    private void answerList(String body) {
        wireMock.register(get(urlPathEqualTo(MESSAGES)).withQueryParam("To", equalTo(to)).willReturn(json(200, body)));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
