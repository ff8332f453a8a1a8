package dev.sluice.worker.invitations;

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
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A worker stopped between handing an invitation to SNS and recording the answer (simulated: the
 * invitation is SENDING under a token older than any lease the task will get). SNS cannot say what it
 * sent, so the next attempt sends nothing: better no SMS than two.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = DevStackResource.MODEL, value = "true"))
class SnsUnfinishedAttemptTest {

    @Inject
    InvitationTasks invitations;

    @Test
    void anAttemptThatStoppedWhileSendingFailsTheInvitationAsDeliveryUnknownWithoutAnSms() {
        InvitationTasks.Created created = invitations.create("Grace");
        // The task's first lease carries token 1: token 0 is the attempt that stopped.
        assertThat(invitations.delivery().markSending(created.id(), 0)).isInstanceOf(SendingStart.Started.class);

        invitations.queue(created);
        Task task = invitations.awaitFinished(created);

        assertThat(task.status()).isEqualTo(JobStatus.FAILED);
        assertThat(task.attempts()).isEqualTo(1);
        Invitation failed = invitations.find(created);
        assertThat(failed.status()).isEqualTo(InvitationStatus.FAILED);
        assertThat(failed.failureReason()).hasValueSatisfying(reason ->
                assertThat(reason).startsWith("delivery unknown").contains("sns"));
        assertThat(task.lastError()).isEqualTo(failed.failureReason());
        assertThat(failed.attempts()).singleElement().satisfies(a -> assertThat(a.outcome()).isEqualTo(AttemptOutcome.UNKNOWN));
        assertThat(MotoSms.to(created.phone())).isEmpty();
    }
}
