package dev.sluice.core.invitations;

import static dev.sluice.core.invitations.InvitationFixture.created;
import static dev.sluice.core.invitations.InvitationFixture.freshNumber;
import static dev.sluice.core.invitations.InvitationFixture.invite;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class InvitationAcceptanceTest {
    private static final InvitationFixture fx = new InvitationFixture();
    private static final InvitationStore store = fx.store();

    @AfterAll
    static void close() {
        fx.table.dynamo().close();
        fx.kms.client().close();
    }

    private static Invitation invitation(String inviter) {
        return created(store.create(invite(inviter, freshNumber())));
    }

    private static List<Map<String, AttributeValue>> rewards(String inviter) {
        return fx.table.dynamo().query(b -> b.tableName(fx.table.name()).consistentRead(true)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(InvitationKeys.referralPk(inviter))))).items();
    }

    @Test
    void acceptingWritesTheRewardOnceAndRepeatsAreIdempotent() {
        String inviter = "inviter-" + UUID.randomUUID();
        Invitation invitation = invitation(inviter);

        Acceptance first = store.accept(invitation.inviteCode(), "friend-1");
        Acceptance again = store.accept(invitation.inviteCode(), "friend-1");
        Acceptance other = store.accept(invitation.inviteCode(), "friend-2");

        assertThat(first).isInstanceOf(Acceptance.Accepted.class);
        assertThat(((Acceptance.Accepted) first).repeated()).isFalse();
        assertThat(((Acceptance.Accepted) first).invitation().status()).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(again).isInstanceOf(Acceptance.Accepted.class);
        assertThat(((Acceptance.Accepted) again).repeated()).isTrue();
        assertThat(other).isInstanceOf(Acceptance.AlreadyAccepted.class);
        List<Map<String, AttributeValue>> rewards = rewards(inviter);
        assertThat(rewards).hasSize(1);
        assertThat(rewards.get(0).get("sk").s()).isEqualTo(invitation.invitationId());
        assertThat(rewards.get(0).toString()).doesNotContain("friend-1");
        assertThat(store.delivery().markSending(invitation.invitationId(), 1)).as("an accepted invitation is not sent")
                .isInstanceOf(SendingStart.NothingToSend.class);
    }

    @Test
    void concurrentAcceptsByDifferentPeopleLeaveOneWinnerAndOneReward() throws Exception {
        String inviter = "inviter-" + UUID.randomUUID();
        Invitation invitation = invitation(inviter);
        int threads = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Acceptance>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String accepter = "friend-" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return store.accept(invitation.inviteCode(), accepter);
                }));
            }
            start.countDown();
            List<Acceptance> outcomes = new ArrayList<>();
            for (Future<Acceptance> result : results) {
                outcomes.add(result.get());
            }
            assertThat(outcomes).filteredOn(o -> o instanceof Acceptance.Accepted).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof Acceptance.AlreadyAccepted).hasSize(threads - 1);
            assertThat(rewards(inviter)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theInviterCannotAcceptTheirOwnCode() {
        String inviter = "inviter-" + UUID.randomUUID();
        Invitation invitation = invitation(inviter);
        assertThat(store.accept(invitation.inviteCode(), inviter)).isInstanceOf(Acceptance.SelfReferral.class);
        assertThat(rewards(inviter)).isEmpty();
    }

    @Test
    void expiredFailedAndUnknownCodesAreRefused() {
        String inviter = "inviter-" + UUID.randomUUID();
        Invitation expiring = invitation(inviter);
        Invitation failing = invitation(inviter);
        store.delivery().markFailed(failing.invitationId(), "blocked");

        assertThat(store.accept(failing.inviteCode(), "friend")).isEqualTo(new Acceptance.NotAcceptable(InvitationStatus.FAILED));
        assertThat(store.accept("APP-ZZZZZZ", "friend")).isInstanceOf(Acceptance.NotFound.class);
        assertThat(store.accept("not-a-code", "friend")).isInstanceOf(Acceptance.NotFound.class);
        fx.clock.advance(Duration.ofDays(30));
        try {
            assertThat(store.accept(expiring.inviteCode(), "friend")).isInstanceOf(Acceptance.Expired.class);
        } finally {
            fx.clock.advance(Duration.ofDays(-30));
        }
        assertThat(rewards(inviter)).isEmpty();
    }
}
