package dev.sluice.worker.invitations;

import static dev.sluice.worker.invitations.TwilioStubs.created;
import static dev.sluice.worker.invitations.TwilioStubs.error;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Twilio refuses an invitation's SMS (WireMock): a retryable refusal is retried on the task's next
 * attempt, a permanent one fails the invitation at once, and retryable ones on every attempt fail it
 * after {@code sluice.sms.max-attempts}.
 */
@QuarkusTest
@TestProfile(TwilioProfile.class)
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = DevStackResource.MODEL, value = "true"))
class TwilioRefusalTest {

    @ConfigProperty(name = "sluice.sms.twilio.base-url")
    URI twilio;

    @Inject
    InvitationTasks invitations;

    @Test
    void aServerErrorIsRetriedAndTheNextAttemptSends() {
        InvitationTasks.Created created = invitations.create("Ada");
        TwilioStubs stubs = new TwilioStubs(twilio, created.phone());
        stubs.answerCreates(error(500, 20500, "Internal Server Error"), created("SMretried000000000000000000000001"));

        invitations.queue(created);
        Task task = invitations.awaitFinished(created);

        assertThat(task.status()).as(task.lastError().orElse("")).isEqualTo(JobStatus.COMPLETED);
        assertThat(task.attempts()).isEqualTo(2);
        Invitation sent = invitations.find(created);
        assertThat(sent.status()).isEqualTo(InvitationStatus.SENT);
        assertThat(sent.provider()).contains("twilio");
        assertThat(sent.providerMessageId()).contains("SMretried000000000000000000000001");
        assertThat(sent.attempts()).extracting(DeliveryAttempt::outcome)
                .containsExactly(AttemptOutcome.FAILED_TRANSIENT, AttemptOutcome.SENT);
        assertThat(sent.attempts().get(0).error()).hasValueSatisfying(e -> assertThat(e).contains("20500"));
        assertThat(stubs.creates()).isEqualTo(2);
    }

    @Test
    void anInvalidNumberFailsTheInvitationAndTheTaskWithoutRetry() {
        InvitationTasks.Created created = invitations.create("Ada");
        TwilioStubs stubs = new TwilioStubs(twilio, created.phone());
        stubs.answerCreates(error(400, 21211, "The 'To' number is not a valid phone number."),
                created("SMnever00000000000000000000000001"));

        invitations.queue(created);
        Task task = invitations.awaitFinished(created);

        assertThat(task.status()).isEqualTo(JobStatus.FAILED);
        assertThat(task.attempts()).isEqualTo(1);
        Invitation failed = invitations.find(created);
        assertThat(failed.status()).isEqualTo(InvitationStatus.FAILED);
        assertThat(failed.failureReason()).hasValueSatisfying(reason ->
                assertThat(reason).contains("21211").contains("not a valid phone number").doesNotContain("gave up"));
        assertThat(task.lastError()).isEqualTo(failed.failureReason());
        assertThat(failed.attempts()).extracting(DeliveryAttempt::outcome).containsExactly(AttemptOutcome.REJECTED);
        assertThat(stubs.creates()).isEqualTo(1);
    }

    @Test
    void retryableRefusalsOnEveryAttemptFailTheInvitationAfterTheLastAttempt() {
        InvitationTasks.Created created = invitations.create("Ada");
        TwilioStubs stubs = new TwilioStubs(twilio, created.phone());
        stubs.answerCreates(error(500, 20500, "Internal Server Error"));

        invitations.queue(created);
        Task task = invitations.awaitFinished(created);

        assertThat(task.status()).isEqualTo(JobStatus.FAILED);
        assertThat(task.attempts()).isEqualTo(TwilioProfile.MAX_ATTEMPTS);
        Invitation failed = invitations.find(created);
        assertThat(failed.status()).isEqualTo(InvitationStatus.FAILED);
        assertThat(failed.failureReason()).hasValueSatisfying(reason ->
                assertThat(reason).contains("20500").contains("gave up after 3 attempts"));
        assertThat(failed.attempts()).extracting(DeliveryAttempt::outcome).containsExactly(
                AttemptOutcome.FAILED_TRANSIENT, AttemptOutcome.FAILED_TRANSIENT, AttemptOutcome.FAILED_TRANSIENT);
        assertThat(stubs.creates()).isEqualTo(TwilioProfile.MAX_ATTEMPTS);
    }
}
