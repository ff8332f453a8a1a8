package dev.sluice.worker.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.Task;
import dev.sluice.core.job.TaskRef;
import dev.sluice.core.store.JobStore;
import dev.sluice.devstack.DevStack;
import dev.sluice.devstack.DevStackResource;
import dev.sluice.modelsim.FailureKind;
import dev.sluice.modelsim.FaultRule;
import dev.sluice.modelsim.InvocationRecord;
import dev.sluice.worker.Tasks;
import dev.sluice.worker.metrics.ModelMetrics;
import dev.sluice.worker.wiring.WorkerIdentity;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The worker running in this JVM against the local stack: outcomes of the model, end to end. */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = DevStackResource.MODEL, value = "true"))
class TaskLifecycleTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    JobStore jobs;

    @Inject
    WorkerIdentity identity;

    @Inject
    ModelMetrics modelMetrics;

    @BeforeAll
    static void faults() {
        var sim = DevStack.shared().modelSimClient();
        sim.addFault(FaultRule.always("always-bad-input", FailureKind.MODEL_4XX));
        sim.addFault(FaultRule.times("flaky-once", FailureKind.MODEL_5XX, 1));
        // One more than the first attempt's call and its two in-process retries.
        sim.addFault(FaultRule.times("flaky-four-times", FailureKind.MODEL_5XX, 4));
    }

    @Test
    void successWritesOnePngAndCommitsCompleted() throws Exception {
        TaskRef ref = Tasks.submitImage(jobs, "a blue truck");

        Task task = Tasks.awaitTask(jobs, ref, TIMEOUT, t -> t.status().isTerminal());

        assertThat(task.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(task.attempts()).isEqualTo(1);
        assertThat(task.leaseOwner()).isEmpty();
        var output = task.output().orElseThrow();
        assertThat(output.key()).isEqualTo("outputs/" + Tasks.OWNER + "/" + ref.jobId() + "/" + ref.taskId() + ".png");
        assertThat(output.contentType()).isEqualTo("image/png");
        byte[] png = DevStack.shared().clients().s3()
                .getObjectAsBytes(b -> b.bucket(DevStack.shared().resources().bucket()).key(output.key())).asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(output.sizeBytes()).isEqualTo(png.length);
        assertThat(output.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png)));

        List<InvocationRecord> calls = DevStack.shared().modelSimClient().invocations(ref.taskId());
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.fencingToken()).isEqualTo(1L);
            assertThat(call.caller()).isEqualTo(identity.id());
        });
    }

    @Test
    void permanentModelErrorFailsTheTaskWithoutOutput() {
        TaskRef ref = Tasks.submitImage(jobs, "always-bad-input");

        Task task = Tasks.awaitTask(jobs, ref, TIMEOUT, t -> t.status().isTerminal());

        assertThat(task.status()).isEqualTo(JobStatus.FAILED);
        assertThat(task.attempts()).isEqualTo(1);
        assertThat(task.lastError()).hasValueSatisfying(e -> assertThat(e).contains("400"));
        assertThat(task.output()).isEmpty();
        assertNoOutput(ref);
    }

    @Test
    void aTransientFailureIsRetriedInProcessWithinOneLeaseAttempt() {
        double retriesBefore = modelMetrics.retries();
        TaskRef ref = Tasks.submitImage(jobs, "flaky-once");

        Task task = Tasks.awaitTask(jobs, ref, TIMEOUT, t -> t.status().isTerminal());

        assertThat(task.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(task.attempts()).isEqualTo(1);
        assertThat(task.fencingToken()).isEqualTo(1);
        List<InvocationRecord> calls = DevStack.shared().modelSimClient().invocations(ref.taskId());
        assertThat(calls).extracting(InvocationRecord::fencingToken).containsExactly(1L, 1L);
        assertThat(calls).extracting(InvocationRecord::outcome).containsExactly("model-5xx", "ok");
        assertThat(modelMetrics.retries()).isGreaterThanOrEqualTo(retriesBefore + 1);
    }

    @Test
    void transientErrorsOutlastingTheInProcessRetriesGoBackToTheQueueThenComplete() {
        TaskRef ref = Tasks.submitImage(jobs, "flaky-four-times");

        Task task = Tasks.awaitTask(jobs, ref, TIMEOUT, t -> t.status().isTerminal());

        assertThat(task.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(task.attempts()).isEqualTo(2);
        assertThat(task.fencingToken()).isEqualTo(2);
        List<InvocationRecord> calls = DevStack.shared().modelSimClient().invocations(ref.taskId());
        assertThat(calls).extracting(InvocationRecord::fencingToken).containsExactly(1L, 1L, 1L, 2L, 2L);
        assertThat(calls).extracting(InvocationRecord::outcome)
                .containsExactly("model-5xx", "model-5xx", "model-5xx", "model-5xx", "ok");
    }

    private static void assertNoOutput(TaskRef ref) {
        var s3 = DevStack.shared().clients().s3();
        var listed = s3.listObjectsV2(b -> b.bucket(DevStack.shared().resources().bucket())
                .prefix("outputs/" + Tasks.OWNER + "/" + ref.jobId() + "/"));
        assertThat(listed.contents()).isEmpty();
    }
}
