package dev.sluice.api;

import static dev.sluice.api.Problems.assertProblem;
import static dev.sluice.api.TestKeys.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.job.Job;
import dev.sluice.core.job.JobStatus;
import dev.sluice.core.message.TaskMessage;
import dev.sluice.devstack.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A job persisted while its queue is unavailable is not lost. The outage is real: the task queue is
 * deleted from the SQS server, so SendMessage fails as it would against a missing or unreachable queue,
 * and then recreated under the same URL.
 */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class EnqueueFailureTest {

    @Test
    void aJobThatCouldNotBeQueuedIs503AndARetryWithTheSameKeyQueuesItOnce() {
        String key = "retry-" + UUID.randomUUID();
        String body = "{\"type\":\"image-generation\",\"input\":{\"prompt\":\"storm\"}}";
        LocalState.purgeQueue();

        Response failed;
        String queueUrl = LocalState.resources().queueUrl();
        Map<QueueAttributeName, String> attributes = LocalState.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT, QueueAttributeName.REDRIVE_POLICY,
                        QueueAttributeName.MESSAGE_RETENTION_PERIOD)).attributes();
        LocalState.sqs().deleteQueue(b -> b.queueUrl(queueUrl));
        try {
            failed = post(key, body);
        } finally {
            String recreated = LocalState.sqs().createQueue(b -> b.queueName(LocalState.resources().queueName())
                    .attributes(attributes)).queueUrl();
            assertThat(recreated).isEqualTo(queueUrl);
        }

        assertProblem(failed, 503, "enqueue-failed", "/v1/jobs");
        assertThat(failed.header("Retry-After")).isNotBlank();
        String jobId = failed.jsonPath().getString("jobId");
        Job saved = LocalState.job(jobId).orElseThrow();
        assertThat(saved.tasks()).singleElement().satisfies(task -> {
            assertThat(task.status()).isEqualTo(JobStatus.PENDING);
            assertThat(task.enqueuedAt()).as("never marked enqueued").isEmpty();
        });
        assertThat(LocalState.queuedMessages()).isZero();

        Response retried = post(key, body);

        assertThat(retried.statusCode()).as(retried.asString()).isEqualTo(202);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.jsonPath().getString("jobId")).isEqualTo(jobId);
        TaskMessage message = LocalState.singleMessage();
        assertThat(message.jobId()).isEqualTo(jobId);
        assertThat(LocalState.job(jobId).orElseThrow().tasks().get(0).enqueuedAt()).isPresent();

        Response again = post(key, body);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(LocalState.drainQueue()).as("once queued, replays send nothing").isEmpty();
    }

    private static Response post(String key, String body) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body.getBytes(StandardCharsets.UTF_8)).when().post("/v1/jobs");
    }
}
