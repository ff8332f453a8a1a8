package dev.sluice.worker.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.core.invitations.AttemptOutcome;
import dev.sluice.core.invitations.Invitation;
import dev.sluice.core.invitations.InvitationStatus;
import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.Task;
import dev.sluice.devstack.DevStackResource;
import dev.sluice.devstack.logs.JsonLogFile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * An invitation's {@code sms.invite} task run by the worker in this JVM with SNS (the default provider)
 * against moto: one SMS, recorded as SENT, and a second delivery of the same message sends nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = DevStackResource.MODEL, value = "true"))
class SnsInvitationTest {
    private static final JsonLogFile LOG = JsonLogFile.of("worker");

    @Inject
    InvitationTasks invitations;

    @Test
    void theTaskSendsOneSmsThroughSnsAndADuplicateDeliverySendsNoOther() throws Exception {
        InvitationTasks.Created created = invitations.create("Grace Hopper");

        invitations.queue(created);
        Task task = invitations.awaitFinished(created);

        assertThat(task.status()).as(task.lastError().orElse("")).isEqualTo(JobStatus.COMPLETED);
        Invitation sent = invitations.find(created);
        assertThat(sent.status()).isEqualTo(InvitationStatus.SENT);
        assertThat(sent.provider()).contains("sns");
        String messageId = sent.providerMessageId().orElseThrow();
        assertThat(messageId).isNotBlank();
        assertThat(sent.sentAt()).isPresent();
        assertThat(sent.attempts()).singleElement().satisfies(attempt -> {
            assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.SENT);
            assertThat(attempt.provider()).isEqualTo("sns");
            assertThat(attempt.providerMessageId()).contains(messageId);
        });
        assertThat(MotoSms.to(created.phone())).singleElement().satisfies(sms -> {
            assertThat(sms.path("message_id").asText()).isEqualTo(messageId);
            assertThat(sms.path("message").asText()).contains(created.referralUrl()).contains("Grace Hopper");
        });

        invitations.queue(created);

        JsonNode duplicate = LOG.await(record -> created.task().taskId().equals(record.path("mdc").path("taskId").asText())
                && record.path("message").asText().contains("outcome=Duplicate"));
        assertThat(duplicate.path("message").asText()).startsWith("task finished");
        assertThat(MotoSms.to(created.phone())).hasSize(1);
        Task after = invitations.task(created);
        assertThat(after.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(after.attempts()).isEqualTo(1);
        assertThat(invitations.find(created).attempts()).hasSize(1);
    }
}
