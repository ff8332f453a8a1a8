package dev.sluice.api.invitations;

import static dev.sluice.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.LocalState;
import dev.sluice.api.TestKeys;
import dev.sluice.core.auth.ApiKey;
import dev.sluice.core.invitations.Invitation;
import dev.sluice.core.invitations.InvitationStatus;
import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.JobType;
import dev.sluice.core.job.TaskRef;
import dev.sluice.core.message.TaskMessage;
import dev.sluice.core.store.JobTable;
import dev.sluice.devstack.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class InvitationsTest {
    private static final String ROUTE = "/api/invitations";

    @BeforeEach
    @AfterEach
    void emptyQueue() {
        LocalState.purgeQueue();
    }

    private static String newInviter(String owner) {
        return TestKeys.create(owner, ApiKey.JOBS_READ, ApiKey.JOBS_WRITE);
    }

    private static Response invite(String key, String number) {
        return TestKeys.as(key).contentType(ContentType.JSON)
                .body("{\"phoneNumber\":\"" + number + "\",\"inviterName\":\"Ana\"}").when().post(ROUTE);
    }

    @Test
    void createAnswers201AndQueuesOneSmsInviteTask() {
        String owner = "inviter-" + UUID.randomUUID();
        String number = InvitationState.freshNumber();

        Response response = invite(newInviter(owner), number);

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        String id = response.jsonPath().getString("invitationId");
        String code = response.jsonPath().getString("inviteCode");
        assertThat(response.jsonPath().getBoolean("success")).isTrue();
        assertThat(response.jsonPath().getString("status")).isEqualTo("QUEUED");
        assertThat(code).matches("APP-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}");
        assertThat(response.jsonPath().getString("referralUrl")).isEqualTo("https://sluice.example/invite/" + code);
        assertThat(response.header("Location")).isEqualTo(ROUTE + "/" + id);
        assertThat(response.asString()).doesNotContain(number.substring(2));

        Invitation stored = InvitationState.store().find(id).orElseThrow();
        assertThat(stored.inviterId()).isEqualTo(owner);
        assertThat(stored.inviterName()).isEqualTo("Ana");
        assertThat(InvitationState.cipher().decrypt(id, stored.phoneCiphertext())).isEqualTo(number);
        TaskMessage message = LocalState.singleMessage();
        assertThat(message.type()).isEqualTo(JobType.SMS_INVITE);
        assertThat(message.ref()).isEqualTo(TaskRef.of(stored.jobId(), 0));
        var job = LocalState.job(stored.jobId()).orElseThrow();
        assertThat(job.input()).isEqualTo("{\"invitationId\":\"" + id + "\"}");
        assertThat(job.tasks().get(0).enqueuedAt()).isPresent();
    }

    @Test
    void theInviterNameDefaultsAndIsChecked() {
        String key = newInviter("inviter-" + UUID.randomUUID());
        Response anonymous = TestKeys.as(key).contentType(ContentType.JSON)
                .body("{\"phoneNumber\":\"" + InvitationState.freshNumber() + "\"}").when().post(ROUTE);
        assertThat(anonymous.statusCode()).isEqualTo(201);
        assertThat(InvitationState.store().find(anonymous.jsonPath().getString("invitationId")).orElseThrow()
                .inviterName()).isEqualTo("A friend");

        for (String name : List.of("\"" + "x".repeat(41) + "\"", "\"  \"", "\"Ana\\u0007\"", "42")) {
            Response refused = TestKeys.as(key).contentType(ContentType.JSON)
                    .body("{\"phoneNumber\":\"" + InvitationState.freshNumber() + "\",\"inviterName\":" + name + "}")
                    .when().post(ROUTE);
            assertProblem(refused, 422, "validation-failed", ROUTE);
        }
    }

    @Test
    void anInvalidNumberIs422WithoutEchoingIt() {
        String key = newInviter("inviter-" + UUID.randomUUID());
        for (String number : List.of("+15551234567", "(415) 555-2671", "4155552671")) {
            Response response = invite(key, number);
            assertProblem(response, 422, "invalid-phone-number", ROUTE);
            assertThat(response.asString()).doesNotContain("5551234567").doesNotContain("5552671");
        }
        assertThat(LocalState.queuedMessages()).isZero();
    }

    @Test
    void theSameNumberWithin24HoursIsADuplicateForAnyoneAndQueuedOnlyOnce() {
        String number = InvitationState.freshNumber();
        String first = newInviter("inviter-" + UUID.randomUUID());
        assertThat(invite(first, number).statusCode()).isEqualTo(201);

        Response again = invite(first, number);
        Response other = invite(newInviter("inviter-" + UUID.randomUUID()), number);

        for (Response duplicate : List.of(again, other)) {
            assertProblem(duplicate, 429, "invitation-duplicate", ROUTE);
            assertThat(Long.parseLong(duplicate.header("Retry-After"))).isBetween(86_300L, 86_400L);
            assertThat(duplicate.asString()).doesNotContain(number.substring(2));
        }
        assertThat(LocalState.drainQueue()).as("one task for the one invitation").hasSize(1);
    }

    @Test
    void theEleventhInvitationOfTheUtcDayIs429UntilMidnight() {
        String key = newInviter("inviter-" + UUID.randomUUID());
        for (int i = 1; i <= 10; i++) {
            assertThat(invite(key, InvitationState.freshNumber()).statusCode()).as("invitation %d", i).isEqualTo(201);
        }

        Response eleventh = invite(key, InvitationState.freshNumber());

        assertProblem(eleventh, 429, "invitation-daily-limit", ROUTE);
        Instant now = Instant.now();
        long untilMidnight = Duration.between(now,
                LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()).toSeconds();
        assertThat(Long.parseLong(eleventh.header("Retry-After"))).isBetween(untilMidnight - 30, untilMidnight + 2);
        assertThat(eleventh.jsonPath().getString("detail")).contains("UTC");
    }

    @Test
    void twoInvitersInvitingTheSameNumberConcurrentlyCreateExactlyOne() throws Exception {
        String number = InvitationState.freshNumber();
        List<String> keys = List.of(newInviter("inviter-" + UUID.randomUUID()), newInviter("inviter-" + UUID.randomUUID()));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(keys.size());
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (String key : keys) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return invite(key, number).statusCode();
                }));
            }
            start.countDown();
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answers.add(status.get());
            }
            assertThat(answers).containsExactlyInAnyOrder(201, 429);
        } finally {
            pool.shutdownNow();
        }
        assertThat(LocalState.drainQueue()).hasSize(1);
    }

    @Test
    void listAndReadShowOnlyTheCallersInvitationsWithMaskedNumbers() {
        String owner = "inviter-" + UUID.randomUUID();
        String key = newInviter(owner);
        String number = InvitationState.freshNumber();
        String older = invite(key, InvitationState.freshNumber()).jsonPath().getString("invitationId");
        String newer = invite(key, number).jsonPath().getString("invitationId");
        String stranger = newInviter("stranger-" + UUID.randomUUID());

        Response list = TestKeys.as(key).when().get(ROUTE);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.jsonPath().getList("invitations.invitationId", String.class)).containsExactly(newer, older);
        assertThat(list.asString()).doesNotContain(number.substring(2));
        assertThat(TestKeys.as(key).queryParam("limit", "1").when().get(ROUTE).jsonPath()
                .getList("invitations.invitationId", String.class)).containsExactly(newer);
        assertProblem(TestKeys.as(key).queryParam("limit", "101").when().get(ROUTE), 400, "invalid-query-parameter", ROUTE);
        assertThat(TestKeys.as(stranger).when().get(ROUTE).jsonPath().getList("invitations")).isEmpty();

        Response one = TestKeys.as(key).when().get(ROUTE + "/" + newer);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.jsonPath().getString("status")).isEqualTo("QUEUED");
        assertThat(one.jsonPath().getString("phoneNumberMasked")).isEqualTo(number.substring(0, 5) + "•••" + number.substring(8));
        assertThat(one.jsonPath().getList("attempts")).isEmpty();
        assertThat(one.asString()).doesNotContain(number.substring(2));

        assertProblem(TestKeys.as(stranger).when().get(ROUTE + "/" + newer), 404, "invitation-not-found", ROUTE + "/" + newer);
        String unknown = ROUTE + "/" + UUID.randomUUID();
        assertProblem(TestKeys.as(key).when().get(unknown), 404, "invitation-not-found", unknown);
    }

    @Test
    void aFailedTaskShowsAsAFailedInvitationWithItsReason() {
        String key = newInviter("inviter-" + UUID.randomUUID());
        String id = invite(key, InvitationState.freshNumber()).jsonPath().getString("invitationId");
        Invitation invitation = InvitationState.store().find(id).orElseThrow();
        // What the reaper does to a dead-lettered task; it knows nothing of invitations.
        LocalState.dynamo().updateItem(b -> b.tableName(LocalState.resources().table())
                .key(JobTable.taskKey(TaskRef.of(invitation.jobId(), 0)))
                .updateExpression("SET #status = :failed, #lastError = :error")
                .expressionAttributeNames(Map.of("#status", "status", "#lastError", "lastError"))
                .expressionAttributeValues(Map.of(":failed", AttributeValue.fromS(JobStatus.FAILED.name()),
                        ":error", AttributeValue.fromS("dead-lettered after 3 receives"))));

        Response one = TestKeys.as(key).when().get(ROUTE + "/" + id);

        assertThat(one.jsonPath().getString("status")).isEqualTo("FAILED");
        assertThat(one.jsonPath().getString("failureReason")).isEqualTo("dead-lettered after 3 receives");
        assertThat(InvitationState.store().find(id).orElseThrow().status()).isEqualTo(InvitationStatus.QUEUED);
    }

    @Test
    void routesNeedAKeyWithTheRightScope() {
        String readOnly = TestKeys.create("reader-" + UUID.randomUUID(), ApiKey.JOBS_READ);
        assertProblem(TestKeys.anonymous().contentType(ContentType.JSON).body("{\"phoneNumber\":\"+14155552671\"}")
                .when().post(ROUTE), 401, "unauthenticated", ROUTE);
        assertProblem(TestKeys.anonymous().when().get(ROUTE), 401, "unauthenticated", ROUTE);
        assertProblem(invite(readOnly, InvitationState.freshNumber()), 403, "forbidden", ROUTE);
        assertThat(TestKeys.as(readOnly).when().get(ROUTE).statusCode()).isEqualTo(200);
        assertProblem(TestKeys.as(readOnly).when().post(ROUTE + "/APP-ABCDEF/accept"), 403, "forbidden",
                ROUTE + "/APP-ABCDEF/accept");
    }
}
