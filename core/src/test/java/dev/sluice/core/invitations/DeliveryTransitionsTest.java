package dev.sluice.core.invitations;

import static dev.sluice.core.invitations.InvitationFixture.created;
import static dev.sluice.core.invitations.InvitationFixture.freshNumber;
import static dev.sluice.core.invitations.InvitationFixture.invite;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class DeliveryTransitionsTest {
    private static final InvitationFixture fx = new InvitationFixture();
    private static final InvitationStore store = fx.store();

    @AfterAll
    static void close() {
        fx.table.dynamo().close();
        fx.kms.client().close();
    }

    private static Invitation queued() {
        return created(store.create(invite("inviter-" + UUID.randomUUID(), freshNumber())));
    }

    private static DeliveryAttempt attempt(AttemptOutcome outcome, String messageId) {
        return DeliveryAttempt.of(fx.clock.instant(), "twilio", outcome, Optional.ofNullable(messageId),
                outcome == AttemptOutcome.SENT ? Optional.empty() : Optional.of("provider said no"));
    }

    private static InvitationStatus status(Invitation invitation) {
        return store.find(invitation.invitationId()).orElseThrow().status();
    }

    @Test
    void queuedIsStartedOnceAndAnOlderTokenIsSuperseded() {
        Invitation invitation = queued();
        String id = invitation.invitationId();

        SendingStart first = store.delivery().markSending(id, 3);
        assertThat(first).isInstanceOf(SendingStart.Started.class);
        assertThat(((SendingStart.Started) first).invitation().sendingToken()).contains(3L);
        assertThat(store.delivery().markSending(id, 3)).as("the same lease asking again").isInstanceOf(SendingStart.Started.class);
        assertThat(store.delivery().markSending(id, 2)).as("a stale lease").isInstanceOf(SendingStart.Superseded.class);
        assertThat(store.find(id).orElseThrow().sendingToken()).contains(3L);
    }

    @Test
    void aNewerTokenTakesOverButIsToldAnEarlierAttemptMayHaveSent() {
        Invitation invitation = queued();
        String id = invitation.invitationId();
        Instant started = fx.clock.instant();
        store.delivery().markSending(id, 1);
        fx.clock.advance(Duration.ofMinutes(5));
        try {
            SendingStart takeover = store.delivery().markSending(id, 2);

            assertThat(takeover).isInstanceOf(SendingStart.PreviouslyStarted.class);
            SendingStart.PreviouslyStarted previous = (SendingStart.PreviouslyStarted) takeover;
            assertThat(previous.previousToken()).isEqualTo(1);
            assertThat(previous.since()).isEqualTo(started);
            assertThat(previous.invitation().sendingToken()).contains(2L);
            assertThat(store.delivery().markSent(id, 1, "twilio", "SM-stale", attempt(AttemptOutcome.SENT, "SM-stale")))
                    .as("the old lease can no longer commit").isInstanceOf(InvitationUpdate.Conflict.class);
        } finally {
            fx.clock.advance(Duration.ofMinutes(-5));
        }
    }

    @Test
    void markSentWritesStatusMessageItemAndAttemptTogetherAndIsIdempotent() {
        String id = queued().invitationId();
        store.delivery().markSending(id, 7);
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");

        InvitationUpdate sent = store.delivery().markSent(id, 7, "twilio", sid, attempt(AttemptOutcome.SENT, sid));

        assertThat(sent).isInstanceOf(InvitationUpdate.Applied.class);
        Invitation after = store.find(id).orElseThrow();
        assertThat(after.status()).isEqualTo(InvitationStatus.SENT);
        assertThat(after.providerMessageId()).contains(sid);
        assertThat(after.attempts()).hasSize(1);
        assertThat(after.attempts().get(0).number()).isEqualTo(1);
        assertThat(after.attempts().get(0).outcome()).isEqualTo(AttemptOutcome.SENT);
        assertThat(store.invitationOfMessage("twilio", sid)).contains(id);

        assertThat(store.delivery().markSent(id, 7, "twilio", sid, attempt(AttemptOutcome.SENT, sid)))
                .isInstanceOf(InvitationUpdate.Unchanged.class);
        assertThat(store.find(id).orElseThrow().attempts()).as("no second attempt item").hasSize(1);
        assertThat(store.delivery().markSending(id, 8)).as("sent: nothing more to send").isInstanceOf(SendingStart.NothingToSend.class);
    }

    @Test
    void deliveryReportsMoveSentToDeliveredOnce() {
        String id = queued().invitationId();
        store.delivery().markSending(id, 1);
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        store.delivery().markSent(id, 1, "twilio", sid, attempt(AttemptOutcome.SENT, sid));

        assertThat(store.markDelivered("twilio", sid)).isInstanceOf(InvitationUpdate.Applied.class);
        assertThat(status(store.find(id).orElseThrow())).isEqualTo(InvitationStatus.DELIVERED);
        assertThat(store.markDelivered("twilio", sid)).isInstanceOf(InvitationUpdate.Unchanged.class);
        assertThat(store.markDelivered("twilio", "SM-unknown")).isInstanceOf(InvitationUpdate.NotFound.class);
        assertThat(store.markDelivered("other-provider", sid)).isInstanceOf(InvitationUpdate.NotFound.class);
    }

    @Test
    void aDeliveryReportBeforeSentIsAConflict() {
        String id = queued().invitationId();
        store.delivery().markSending(id, 1);
        assertThat(store.markDelivered("twilio", "SM-never-sent")).isInstanceOf(InvitationUpdate.NotFound.class);
        assertThat(status(store.find(id).orElseThrow())).isEqualTo(InvitationStatus.SENDING);
    }

    @Test
    void releaseSendingQueuesAgainOnlyForTheHolder() {
        String id = queued().invitationId();
        store.delivery().markSending(id, 4);

        assertThat(store.delivery().releaseSending(id, 3, attempt(AttemptOutcome.FAILED_TRANSIENT, null)))
                .isInstanceOf(InvitationUpdate.Conflict.class);
        assertThat(store.delivery().releaseSending(id, 4, attempt(AttemptOutcome.FAILED_TRANSIENT, null)))
                .isInstanceOf(InvitationUpdate.Applied.class);
        Invitation after = store.find(id).orElseThrow();
        assertThat(after.status()).isEqualTo(InvitationStatus.QUEUED);
        assertThat(after.attempts()).extracting(DeliveryAttempt::outcome).containsExactly(AttemptOutcome.FAILED_TRANSIENT);
        assertThat(store.delivery().markSending(id, 3)).as("an older lease cannot restart it").isInstanceOf(SendingStart.NothingToSend.class);
        assertThat(store.delivery().markSending(id, 5)).isInstanceOf(SendingStart.Started.class);
    }

    @Test
    void markFailedEndsQueuedOrSendingButNotSent() {
        String queued = queued().invitationId();
        assertThat(store.delivery().markFailed(queued, "number refused", attempt(AttemptOutcome.REJECTED, null)))
                .isInstanceOf(InvitationUpdate.Applied.class);
        Invitation failed = store.find(queued).orElseThrow();
        assertThat(failed.status()).isEqualTo(InvitationStatus.FAILED);
        assertThat(failed.failureReason()).contains("number refused");
        assertThat(store.delivery().markFailed(queued, "again")).isInstanceOf(InvitationUpdate.Unchanged.class);
        assertThat(store.delivery().markSending(queued, 1)).isInstanceOf(SendingStart.NothingToSend.class);

        String sent = queued().invitationId();
        store.delivery().markSending(sent, 1);
        store.delivery().markSent(sent, 1, "twilio", "SM-" + UUID.randomUUID(), attempt(AttemptOutcome.SENT, "x"));
        assertThat(store.delivery().markFailed(sent, "late")).isInstanceOf(InvitationUpdate.Conflict.class);
        assertThat(status(store.find(sent).orElseThrow())).isEqualTo(InvitationStatus.SENT);
    }

    @Test
    void attemptsAreNumberedInOrder() {
        String id = queued().invitationId();
        assertThat(store.delivery().recordAttempt(id, attempt(AttemptOutcome.UNKNOWN, null))).hasValue(1);
        assertThat(store.delivery().recordAttempt(id, attempt(AttemptOutcome.FAILED_TRANSIENT, null))).hasValue(2);
        assertThat(store.delivery().recordAttempt(id, attempt(AttemptOutcome.UNDELIVERED, "SM1"))).hasValue(3);
        assertThat(store.find(id).orElseThrow().attempts()).extracting(DeliveryAttempt::number).containsExactly(1, 2, 3);
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(InvitationStatus.QUEUED);
        assertThat(store.delivery().recordAttempt("no-such-invitation", attempt(AttemptOutcome.UNKNOWN, null))).isEmpty();
    }

    @Test
    void anExpiredInvitationIsNotSentAndReadsAsExpired() {
        Invitation invitation = queued();
        fx.clock.advance(Duration.ofDays(30));
        try {
            assertThat(store.delivery().markSending(invitation.invitationId(), 1)).isInstanceOf(SendingStart.NothingToSend.class);
            assertThat(store.find(invitation.invitationId()).orElseThrow().statusAt(fx.clock.instant()))
                    .isEqualTo(InvitationStatus.EXPIRED);
        } finally {
            fx.clock.advance(Duration.ofDays(-30));
        }
    }

    @Test
    void unknownInvitationsAreNotFound() {
        assertThat(store.delivery().markSending("nope", 1)).isInstanceOf(SendingStart.NotFound.class);
        assertThat(store.delivery().markSent("nope", 1, "twilio", "SM", attempt(AttemptOutcome.SENT, "SM")))
                .isInstanceOf(InvitationUpdate.NotFound.class);
        assertThat(store.find("nope")).isEmpty();
    }
}
