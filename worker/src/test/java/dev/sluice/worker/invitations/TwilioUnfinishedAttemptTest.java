package dev.sluice.worker.invitations;

import static dev.sluice.worker.invitations.TwilioStubs.created;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.invitations.AttemptOutcome;
import dev.sluice.core.invitations.Invitation;
import dev.sluice.core.invitations.InvitationStatus;
import dev.sluice.core.invitations.SendingStart;
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
 * A worker stopped between handing an invitation to Twilio and recording the answer (simulated: the
 * invitation is SENDING under a token older than any lease the task will get). Twilio lists what it
 * sent, so the next attempt asks first and records the message it finds instead of sending again.
 */
@QuarkusTest
@TestProfile(TwilioProfile.class)
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = DevStackResource.MODEL, value = "true"))
class TwilioUnfinishedAttemptTest {

    @ConfigProperty(name = "sluice.sms.twilio.base-url")
    URI twilio;

    @Inject
    InvitationTasks invitations;

    @Test
    void theMessageTheStoppedAttemptSentIsFoundAndRecordedWithoutSendingAgain() {
        InvitationTasks.Created created = invitations.create("Grace");
        TwilioStubs stubs = new TwilioStubs(twilio, created.phone());
        // The task's first lease carries token 1: token 0 is the attempt that stopped.
        assertThat(invitations.delivery().markSending(created.id(), 0)).isInstanceOf(SendingStart.Started.class);
        // Twilio created its message in the second the stopped attempt started, and dates it to that second.
        var since = invitations.find(created).sendingSince().orElseThrow();
        stubs.listMessage("SMcrash000000000000000000000000001",
                "Grace invited you to try Sluice. Sign up using this link: " + created.referralUrl(), since);
        stubs.answerCreates(created("SMdouble00000000000000000000000001"));

        invitations.queue(created);
        Task task = invitations.awaitFinished(created);

        assertThat(task.status()).as(task.lastError().orElse("")).isEqualTo(JobStatus.COMPLETED);
        assertThat(task.attempts()).isEqualTo(1);
        Invitation sent = invitations.find(created);
        assertThat(sent.status()).isEqualTo(InvitationStatus.SENT);
        assertThat(sent.provider()).contains("twilio");
        assertThat(sent.providerMessageId()).contains("SMcrash000000000000000000000000001");
        assertThat(sent.attempts()).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(AttemptOutcome.SENT);
            assertThat(a.providerMessageId()).contains("SMcrash000000000000000000000000001");
        });
        assertThat(stubs.lists()).isEqualTo(1);
        assertThat(stubs.creates()).isZero();
    }
}
