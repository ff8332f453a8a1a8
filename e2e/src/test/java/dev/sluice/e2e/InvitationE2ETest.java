package dev.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.invitations.PhoneCheck;
import dev.sluice.core.invitations.PhoneNumbers;
import dev.sluice.devstack.AppProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A friend invitation through the packaged apps: the API records it and queues its task, a worker
 * process sends the SMS through SNS (moto) and records it SENT. The log lines of both apps for the
 * invitation are printed, and the number appears in none of them.
 */
class InvitationE2ETest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningSystem system;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        system = RunningSystem.shared();
        api = new ApiClient(system.api().uri(), system.apiKey());
    }

    @Test
    void anInvitationIsRecordedQueuedAndSentByAWorkerWithoutTheNumberInAnyLog() throws Exception {
        String phone = freshNumber();

        var created = api.invite("{\"phoneNumber\":\"" + phone + "\",\"inviterName\":\"Ada E2E\"}");

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.body().path("invitationId").asText();
        String referralUrl = created.body().path("referralUrl").asText();
        assertThat(created.body().path("status").asText()).isEqualTo("QUEUED");
        assertThat(created.raw().headers().firstValue("Location")).contains("/api/invitations/" + id);
        JsonNode invitation = Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> api.invitation(id).body(), i -> i.path("status").asText().matches("SENT|DELIVERED|FAILED"));
        assertThat(invitation.path("status").asText()).as(invitation.toString()).isEqualTo("SENT");
        assertThat(invitation.path("attempts")).singleElement().satisfies(attempt -> {
            assertThat(attempt.path("outcome").asText()).isEqualTo("SENT");
            assertThat(attempt.path("provider").asText()).isEqualTo("sns");
        });
        assertThat(invitation.toString()).doesNotContain(phone);
        assertThat(smsTo(phone)).singleElement().satisfies(sms ->
                assertThat(sms.path("message").asText()).contains(referralUrl).contains("Ada E2E"));

        List<AppLogLine> lines = Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> linesOf(id), found -> found.stream().anyMatch(l -> l.message().startsWith("task finished")));
        System.out.println("Log lines of invitation " + id + ":");
        lines.forEach(line -> System.out.println("  " + line.describe()));
        assertThat(lines).extracting(AppLogLine::message)
                .anySatisfy(m -> assertThat(m).startsWith("invitation created"))
                .anySatisfy(m -> assertThat(m).startsWith("sending invitation invitationId=" + id))
                .anySatisfy(m -> assertThat(m).startsWith("invitation sent invitationId=" + id));
        String national = phone.substring(1);
        assertThat(lines).allSatisfy(line -> assertThat(line.raw()).doesNotContain(national));
        assertThat(AppLogLine.text(system.api())).doesNotContain(national);
        system.workers().forEach(worker -> assertThat(AppLogLine.text(worker)).doesNotContain(national));
    }

    /**
     * The API's lines that name the invitation, and the lines of the worker that ran its task (the task's
     * job is found from the worker's line naming the invitation).
     */
    private static List<AppLogLine> linesOf(String invitationId) {
        List<AppLogLine> found = new ArrayList<>();
        AppLogLine.of(system.api()).stream().filter(l -> invitationId.equals(l.mdc("invitationId"))
                || l.raw().contains(invitationId)).forEach(found::add);
        for (AppProcess worker : system.workers()) {
            List<AppLogLine> all = AppLogLine.of(worker);
            String jobId = all.stream().filter(l -> l.message().contains("invitationId=" + invitationId))
                    .map(l -> l.mdc("jobId")).filter(j -> !j.isEmpty()).findFirst().orElse(null);
            all.stream().filter(l -> (jobId != null && jobId.equals(l.mdc("jobId"))) || l.raw().contains(invitationId))
                    .forEach(found::add);
        }
        return found;
    }

    /** The SMS moto's SNS recorded to the number ({@code GET /moto-api/data.json}, {@code sns.SMS}). */
    private static List<JsonNode> smsTo(String phone) throws Exception {
        URI data = system.stack().aws().endpoints().sns().resolve("/moto-api/data.json");
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(data).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> sent = new ArrayList<>();
        JSON.readTree(response.body()).path("sns").path("SMS").forEach(sms -> {
            if (phone.equals(sms.path("phone_number").asText())) {
                sent.add(sms);
            }
        });
        return sent;
    }

    /** A valid US number, new to this run with high probability (a number can be invited once a day). */
    private static String freshNumber() {
        String[] areas = {"201", "202", "212", "305", "312", "415", "503", "617", "702", "713"};
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String text = "+1" + areas[random.nextInt(areas.length)] + (200 + random.nextInt(800))
                + String.format("%04d", random.nextInt(10000));
        return PhoneNumbers.check(text) instanceof PhoneCheck.Valid valid ? valid.number().e164() : freshNumber();
    }
}
