package dev.sluice.worker.invitations;

import static dev.sluice.worker.invitations.TwilioStubs.created;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.invitations.AttemptOutcome;
import dev.sluice.core.invitations.DeliveryAttempt;
import dev.sluice.core.invitations.Invitation;
import dev.sluice.core.invitations.InvitationStatus;
import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.Task;
import dev.sluice.devstack.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Twilio does not answer a create within the read timeout (500 ms here), so the SMS may or may not
 * exist: the invitation stays SENDING and the task's next attempt asks Twilio's message list before it
 * sends anything.
 */
@QuarkusTest
@TestProfile(TwilioProfile.class)
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = DevStackResource.MODEL, value = "true"))
class TwilioUnknownOutcomeTest {
    /** Far past the read timeout: the worker gives up waiting long before Twilio "answers". */
    private static final int SLOW_ANSWER_MS = 3_000;

    @ConfigProperty(name = "sluice.sms.twilio.base-url")
    URI twilio;

    @Inject
    InvitationTasks invitations;

    @Test
    void aMessageTwilioListsIsRecordedAsSentWithoutASecondCreate() {
        InvitationTasks.Created created = invitations.create("Ada");
        TwilioStubs stubs = new TwilioStubs(twilio, created.phone());
        stubs.answerCreates(created("SMslow0000000000000000000000000001").withFixedDelay(SLOW_ANSWER_MS));
        // Twilio dates messages to the second, by its own clock: the listed date may read a little
        // earlier than the moment the worker marked the invitation SENDING.
        Instant createdAtTwilio = Instant.now();
        stubs.listMessage("SMslow0000000000000000000000000001", "Ada invited you to try Sluice. Sign up using this link: "
                + created.referralUrl(), createdAtTwilio);

        invitations.queue(created);
        Task task = invitations.awaitFinished(created);

        assertThat(task.status()).as(task.lastError().orElse("")).isEqualTo(JobStatus.COMPLETED);
        assertThat(task.attempts()).isEqualTo(2);
        Invitation sent = invitations.find(created);
        assertThat(sent.status()).isEqualTo(InvitationStatus.SENT);
        assertThat(sent.provider()).contains("twilio");
        assertThat(sent.providerMessageId()).contains("SMslow0000000000000000000000000001");
        assertThat(sent.attempts()).extracting(DeliveryAttempt::outcome)
                .containsExactly(AttemptOutcome.UNKNOWN, AttemptOutcome.SENT);
        assertThat(sent.attempts().get(0).error()).hasValueSatisfying(e -> assertThat(e).contains("read timeout"));
        assertThat(stubs.lists()).isGreaterThanOrEqualTo(1);
        assertThat(stubs.creates()).isEqualTo(1);
    }

    /**
     * Designed behaviour, not a wish: the worker trusts Twilio's list. Here Twilio did create the first
     * message (its answer was only late) but does not list it, so the next attempt sends again and the
     * invitee may get two SMS. Twilio has no idempotency key; an empty list is taken to mean the first
     * request never reached Twilio, the usual reason for no answer, and then sending is the only way the
     * invitation arrives. The lookup waits at least the read timeout plus the task's backoff after the
     * unanswered create, which is what Twilio needs to list a message it created.
     */
    @Test
    void aMessageTwilioDoesNotListIsSentOnTheNextAttempt() {
        InvitationTasks.Created created = invitations.create("Ada");
        TwilioStubs stubs = new TwilioStubs(twilio, created.phone());
        stubs.answerCreates(created("SMlost0000000000000000000000000001").withFixedDelay(SLOW_ANSWER_MS),
                created("SMagain000000000000000000000000001"));
        stubs.listNothing();

        invitations.queue(created);
        Task task = invitations.awaitFinished(created);

        assertThat(task.status()).as(task.lastError().orElse("")).isEqualTo(JobStatus.COMPLETED);
        assertThat(task.attempts()).isEqualTo(2);
        Invitation sent = invitations.find(created);
        assertThat(sent.status()).isEqualTo(InvitationStatus.SENT);
        assertThat(sent.providerMessageId()).contains("SMagain000000000000000000000000001");
        assertThat(sent.attempts()).extracting(DeliveryAttempt::outcome)
                .containsExactly(AttemptOutcome.UNKNOWN, AttemptOutcome.SENT);
        assertThat(stubs.lists()).isGreaterThanOrEqualTo(1);
        assertThat(stubs.creates()).isEqualTo(2);
    }
}
