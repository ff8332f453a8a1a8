package dev.sluice.api.invitations;

import static dev.sluice.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.LocalState;
import dev.sluice.api.TestKeys;
import dev.sluice.core.auth.ApiKey;
import dev.sluice.core.invitations.AttemptOutcome;
import dev.sluice.core.invitations.DeliveryAttempt;
import dev.sluice.core.invitations.InvitationStatus;
import dev.sluice.core.invitations.InvitationStore;
import dev.sluice.core.sms.TwilioSignature;
import dev.sluice.devstack.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class TwilioStatusCallbackTest {
    private static final String ROUTE = "/api/invitations/status/twilio";
    /** As configured for tests in application.properties. */
    private static final String URL = "https://api.sluice.example/api/invitations/status/twilio";
    private static final TwilioSignature TWILIO = new TwilioSignature("test-only-twilio-token");

    @AfterEach
    void emptyQueue() {
        LocalState.purgeQueue();
    }

    /** An invitation the (hand-played) worker has sent as Twilio message {@code sid}. */
    private static String sent(String sid) {
        String key = TestKeys.create("inviter-" + UUID.randomUUID(), ApiKey.JOBS_READ, ApiKey.JOBS_WRITE);
        String id = TestKeys.as(key).contentType(ContentType.JSON)
                .body("{\"phoneNumber\":\"" + InvitationState.freshNumber() + "\"}").when().post("/api/invitations")
                .jsonPath().getString("invitationId");
        InvitationStore store = InvitationState.store();
        store.delivery().markSending(id, 1);
        store.delivery().markSent(id, 1, "twilio", sid, DeliveryAttempt.of(Instant.now(), "twilio", AttemptOutcome.SENT,
                Optional.of(sid), Optional.empty()));
        return id;
    }

    private static Response callback(Map<String, String> params, String signature) {
        var request = TestKeys.anonymous().contentType(ContentType.URLENC.withCharset("UTF-8"));
        params.forEach(request::formParam);
        if (signature != null) {
            request.header(TwilioSignature.HEADER, signature);
        }
        return request.when().post(ROUTE);
    }

    private static String sign(Map<String, String> params) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        params.forEach((name, value) -> multi.put(name, List.of(value)));
        return TWILIO.sign(URL, multi);
    }

    private static Map<String, String> report(String sid, String status) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", sid);
        params.put("MessageStatus", status);
        params.put("AccountSid", "AC0123");
        params.put("To", "+14155552671");
        return params;
    }

    @Test
    void aSignedDeliveredReportMarksTheInvitationDelivered() {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        String id = sent(sid);
        Map<String, String> params = report(sid, "delivered");

        Response response = callback(params, sign(params));

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(204);
        assertThat(InvitationState.store().find(id).orElseThrow().status()).isEqualTo(InvitationStatus.DELIVERED);
        assertThat(callback(params, sign(params)).statusCode()).as("Twilio retrying").isEqualTo(204);
    }

    @Test
    void anUndeliveredReportIsRecordedAsAnAttemptAndNothingIsResent() {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        String id = sent(sid);
        LocalState.purgeQueue(); // the creation's own message
        Map<String, String> params = report(sid, "undelivered");
        params.put("ErrorCode", "30003");

        assertThat(callback(params, sign(params)).statusCode()).isEqualTo(204);

        var invitation = InvitationState.store().find(id).orElseThrow();
        assertThat(invitation.status()).isEqualTo(InvitationStatus.SENT);
        assertThat(invitation.attempts()).extracting(DeliveryAttempt::outcome)
                .containsExactly(AttemptOutcome.SENT, AttemptOutcome.UNDELIVERED);
        assertThat(invitation.attempts().get(1).error()).contains("twilio undelivered (error 30003)");
        assertThat(LocalState.queuedMessages()).as("nothing queued again").isZero();
    }

    @Test
    void aMissingOrWrongSignatureIs403AndChangesNothing() {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        String id = sent(sid);
        Map<String, String> params = report(sid, "delivered");
        String good = sign(params);
        Map<String, String> tampered = report(sid, "delivered");
        tampered.put("AccountSid", "AC9999");

        assertProblem(callback(params, null), 403, "invalid-signature", ROUTE);
        assertProblem(callback(params, "AAAAAAAAAAAAAAAAAAAAAAAAAAA="), 403, "invalid-signature", ROUTE);
        assertProblem(callback(tampered, good), 403, "invalid-signature", ROUTE);
        assertThat(InvitationState.store().find(id).orElseThrow().status()).isEqualTo(InvitationStatus.SENT);
    }

    @Test
    void anUnknownMessageIsAnsweredSoTwilioStopsRetrying() {
        Map<String, String> params = report("SM-unknown-" + UUID.randomUUID(), "delivered");
        assertThat(callback(params, sign(params)).statusCode()).isEqualTo(204);
    }
}
