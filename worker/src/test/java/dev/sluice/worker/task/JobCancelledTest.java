package dev.sluice.worker.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.Task;
import dev.sluice.core.job.TaskRef;
import dev.sluice.core.lease.LeaseRecovery;
import dev.sluice.core.store.JobStore;
import dev.sluice.devstack.DevStack;
import dev.sluice.devstack.DevStackResource;
import dev.sluice.modelsim.InvocationRecord;
import dev.sluice.modelsim.LatencySpec;
import dev.sluice.modelsim.SimConfig;
import dev.sluice.worker.Tasks;
import dev.sluice.worker.metrics.TaskMetrics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A job cancelled by its owner while a worker runs it: the worker stops at its next heartbeat. */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = DevStackResource.MODEL, value = "true"))
class JobCancelledTest {
    private static final Duration MODEL_LATENCY = Duration.ofSeconds(6);

    @Inject
    JobStore jobs;

    @Inject
    TaskMetrics metrics;

    private SimConfig originalConfig;

    @BeforeEach
    void setUp() {
        originalConfig = DevStack.shared().modelSimClient().config();
    }

    @AfterEach
    void restoreModel() {
        DevStack.shared().modelSimClient().setConfig(originalConfig);
    }

    @Test
    void aRunningTaskCancelledByItsOwnerStopsAtTheNextHeartbeatAndWritesNothing() throws InterruptedException {
        DevStack stack = DevStack.shared();
        stack.modelSimClient().setLatency(new LatencySpec.Fixed(MODEL_LATENCY.toMillis()));
        double cancelledBefore = metrics.tasks("cancelled");
        double lostBefore = metrics.leasesLost();
        double duplicatesBefore = metrics.tasks("duplicate");
        TaskRef ref = Tasks.submitImage(jobs, "cancelled-by-owner");
        Tasks.awaitTask(jobs, ref, Duration.ofSeconds(20), t -> t.status() == JobStatus.PROCESSING);

        // What DELETE /v1/jobs/{id} does, through core's transition.
        long cancelledAt = System.nanoTime();
        assertThat(new LeaseRecovery(stack.clients().dynamo(), stack.resources().table(), Clock.systemUTC())
                .cancel(ref)).isTrue();

        // Heartbeats run every second: the next one is refused, the task reads CANCELLED and the model
        // call is aborted, long before the model would have answered.
        Awaitility.await().atMost(Duration.ofMillis(2_500)).pollInterval(Duration.ofMillis(50))
                .until(() -> metrics.tasks("cancelled") == cancelledBefore + 1);
        assertThat(Duration.ofNanos(System.nanoTime() - cancelledAt)).isLessThan(MODEL_LATENCY.minusSeconds(2));
        // Past the model's latency and the message's visibility timeout: a message left undeleted
        // would have come back as a duplicate by now.
        Thread.sleep(MODEL_LATENCY.plusSeconds(2).toMillis());

        Task task = jobs.findTask(ref).orElseThrow();
        assertThat(task.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(task.output()).isEmpty();
        assertThat(task.attempts()).isEqualTo(1);
        var listed = stack.clients().s3().listObjectsV2(b -> b.bucket(stack.resources().bucket())
                .prefix("outputs/" + Tasks.OWNER + "/" + ref.jobId() + "/"));
        assertThat(listed.contents()).as("the cancelled task wrote no output").isEmpty();
        assertThat(metrics.tasks("cancelled")).isEqualTo(cancelledBefore + 1);
        assertThat(metrics.leasesLost()).as("a cancellation is not a lost lease").isEqualTo(lostBefore);
        assertThat(metrics.tasks("duplicate")).as("the message was deleted").isEqualTo(duplicatesBefore);
        assertThat(stack.modelSimClient().invocations(ref.taskId())).as("one call, started before the cancellation")
                .extracting(InvocationRecord::fencingToken).containsExactly(1L);
    }
}
