package dev.sluice.api.invitations;

import static dev.sluice.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.LocalState;
import dev.sluice.api.TestKeys;
import dev.sluice.core.auth.ApiKey;
import dev.sluice.devstack.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class InvitationAcceptanceTest {
    private final String inviter = "inviter-" + UUID.randomUUID();
    private final String inviterKey = TestKeys.create(inviter, ApiKey.JOBS_READ, ApiKey.JOBS_WRITE);

    @AfterEach
    void emptyQueue() {
        LocalState.purgeQueue();
    }

    private Response created() {
        Response response = TestKeys.as(inviterKey).contentType(ContentType.JSON)
                .body("{\"phoneNumber\":\"" + InvitationState.freshNumber() + "\"}").when().post("/api/invitations");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return response;
    }

    private static String friend() {
        return TestKeys.create("friend-" + UUID.randomUUID(), ApiKey.JOBS_READ, ApiKey.JOBS_WRITE);
    }

    private static Response accept(String key, String code) {
        return TestKeys.as(key).when().post("/api/invitations/" + code + "/accept");
    }

    @Test
    void acceptingIsAcceptedOnceAndTheSameAnswerOnRepeat() {
        Response invitation = created();
        String code = invitation.jsonPath().getString("inviteCode");
        String friend = friend();

        Response first = accept(friend, code);
        Response again = accept(friend, code);

        assertThat(first.statusCode()).as(first.asString()).isEqualTo(200);
        assertThat(first.jsonPath().getString("status")).isEqualTo("ACCEPTED");
        assertThat(first.jsonPath().getString("invitationId")).isEqualTo(invitation.jsonPath().getString("invitationId"));
        assertThat(first.jsonPath().getString("inviterName")).isEqualTo("A friend");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(InvitationState.rewards(inviter)).hasSize(1);
        Response read = TestKeys.as(inviterKey).when().get("/api/invitations/" + invitation.jsonPath().getString("invitationId"));
        assertThat(read.jsonPath().getString("status")).isEqualTo("ACCEPTED");

        assertProblem(accept(friend(), code), 409, "invitation-already-accepted", "/api/invitations/" + code + "/accept");
    }

    @Test
    void concurrentAcceptsLeaveExactlyOneReward() throws Exception {
        String code = created().jsonPath().getString("inviteCode");
        List<String> friends = List.of(friend(), friend(), friend());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(friends.size());
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (String friend : friends) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return accept(friend, code).statusCode();
                }));
            }
            start.countDown();
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answers.add(status.get());
            }
            assertThat(answers).containsExactlyInAnyOrder(200, 409, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(InvitationState.rewards(inviter)).hasSize(1);
    }

    @Test
    void expiredSelfReferralFailedAndUnknownCodesAreRefused() {
        Response expiring = created();
        InvitationState.expire(expiring.jsonPath().getString("invitationId"));
        String expiredCode = expiring.jsonPath().getString("inviteCode");
        assertProblem(accept(friend(), expiredCode), 410, "invitation-expired", "/api/invitations/" + expiredCode + "/accept");
        assertThat(TestKeys.as(inviterKey).when().get("/api/invitations/" + expiring.jsonPath().getString("invitationId"))
                .jsonPath().getString("status")).isEqualTo("EXPIRED");

        String own = created().jsonPath().getString("inviteCode");
        assertProblem(accept(inviterKey, own), 422, "invitation-self-referral", "/api/invitations/" + own + "/accept");

        Response failing = created();
        InvitationState.store().delivery().markFailed(failing.jsonPath().getString("invitationId"), "number blocked");
        String failedCode = failing.jsonPath().getString("inviteCode");
        assertProblem(accept(friend(), failedCode), 409, "invitation-not-sendable", "/api/invitations/" + failedCode + "/accept");

        assertProblem(accept(friend(), "APP-ZZZZZZ"), 404, "invitation-not-found", "/api/invitations/APP-ZZZZZZ/accept");
        assertProblem(accept(friend(), "nonsense"), 404, "invitation-not-found", "/api/invitations/nonsense/accept");
        assertThat(InvitationState.rewards(inviter)).isEmpty();
    }
}
