package dev.sluice.worker.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.erasure.ErasureAudit;
import dev.sluice.core.erasure.OwnerHash;
import dev.sluice.core.job.Job;
import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.JobType;
import dev.sluice.core.job.NewJob;
import dev.sluice.core.job.Task;
import dev.sluice.core.keys.ObjectKeys;
import dev.sluice.core.message.TaskMessage;
import dev.sluice.core.message.TaskMessageCodec;
import dev.sluice.core.store.JobCreation;
import dev.sluice.core.store.JobStore;
import dev.sluice.core.store.JobTable;
import dev.sluice.devstack.DevStack;
import dev.sluice.devstack.DevStackResource;
import dev.sluice.worker.Tasks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/** The worker in this JVM runs a data-erasure task from the queue to its COMPLETED commit. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class ErasureTaskTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    JobStore jobs;

    @ConfigProperty(name = "sluice.erasure.owner-hash-pepper")
    String pepper;

    @Test
    void anErasureTaskDeletesTheOwnersDataLeavesAnAuditRecordAndCompletes() throws Exception {
        String owner = "erased-" + UUID.randomUUID();
        String other = "kept-" + UUID.randomUUID();
        Job doomed = create(owner, JobType.IMAGE_GENERATION, Optional.of("k-1"));
        Job kept = create(other, JobType.IMAGE_GENERATION, Optional.of("k-1"));
        String upload = ObjectKeys.upload(owner, "clip.mp4");
        put(upload, "v1");
        put(upload, "v2");
        String othersUpload = ObjectKeys.upload(other, "clip.mp4");
        put(othersUpload, "v1");
        Job erasure = create(owner, JobType.DATA_ERASURE, Optional.empty());
        var ref = erasure.tasks().get(0).ref();

        Tasks.send(TaskMessageCodec.encode(TaskMessage.of(ref, JobType.DATA_ERASURE, owner, Instant.now())));
        Task task = Tasks.awaitTask(jobs, ref, TIMEOUT, t -> t.status().isTerminal());

        assertThat(task.status()).as(task.lastError().orElse("")).isEqualTo(JobStatus.COMPLETED);
        assertThat(jobs.find(erasure.jobId()).orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(jobs.find(doomed.jobId())).isEmpty();
        assertThat(item(JobTable.idempotencyKey(owner, "k-1"))).isEmpty();
        assertThat(s3().listObjectVersions(b -> b.bucket(bucket()).prefix(ObjectKeys.uploadPrefix(owner)))
                .versions()).isEmpty();
        assertThat(jobs.find(kept.jobId())).isPresent();
        assertThat(item(JobTable.idempotencyKey(other, "k-1"))).isPresent();
        assertThat(s3().listObjectVersions(b -> b.bucket(bucket()).prefix(ObjectKeys.uploadPrefix(other)))
                .versions()).hasSize(1);

        OwnerHash hash = OwnerHash.of(owner, Optional.of(pepper));
        Map<String, AttributeValue> audit = item(ErasureAudit.key(hash, erasure.createdAt(), erasure.jobId()))
                .orElseThrow();
        assertThat(audit.get("jobs").n()).isEqualTo("1");
        assertThat(audit.get("tasks").n()).isEqualTo("1");
        assertThat(audit.get("idempotencyRecords").n()).isEqualTo("1");
        assertThat(audit.get("objects").n()).isEqualTo("1");
        assertThat(audit.get("versions").n()).isEqualTo("2");
        assertThat(audit).containsKey("completedAt").containsKey(JobTable.EXPIRES_AT);
        assertThat(audit.toString()).doesNotContain(owner);

        String outputKey = task.output().orElseThrow().key();
        assertThat(task.output().orElseThrow().contentType()).isEqualTo("application/json");
        JsonNode summary = new ObjectMapper().readTree(
                s3().getObjectAsBytes(b -> b.bucket(bucket()).key(outputKey)).asUtf8String());
        assertThat(summary.path("ownerHash").asText()).isEqualTo(hash.value());
        assertThat(summary.path("deleted").path("jobs").asLong()).isEqualTo(1);
        assertThat(summary.path("deleted").path("objectVersions").asLong()).isEqualTo(2);
        assertThat(summary.toString()).doesNotContain(owner);
    }

    private Job create(String owner, JobType type, Optional<String> key) {
        return ((JobCreation.Created) jobs.create(new NewJob(owner, type, "{}", key, UUID.randomUUID().toString())))
                .job();
    }

    private static S3Client s3() {
        return DevStack.shared().clients().s3();
    }

    private static String bucket() {
        return DevStack.shared().resources().bucket();
    }

    private static void put(String key, String body) {
        s3().putObject(b -> b.bucket(bucket()).key(key), RequestBody.fromString(body));
    }

    private static Optional<Map<String, AttributeValue>> item(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = DevStack.shared().clients().dynamo()
                .getItem(b -> b.tableName(DevStack.shared().resources().table()).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }
}
