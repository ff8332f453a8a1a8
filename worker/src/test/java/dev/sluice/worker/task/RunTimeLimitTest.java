package dev.sluice.worker.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.Task;
import dev.sluice.core.job.TaskRef;
import dev.sluice.core.store.JobStore;
import dev.sluice.devstack.DevStack;
import dev.sluice.devstack.DevStackResource;
import dev.sluice.modelsim.LatencySpec;
import dev.sluice.modelsim.SimConfig;
import dev.sluice.worker.Tasks;
import dev.sluice.worker.metrics.TaskMetrics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** sluice.worker.max-task-duration is 12 s in tests (application.properties). */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = DevStackResource.MODEL, value = "true"))
class RunTimeLimitTest {
    private static final long MODEL_LATENCY_MILLIS = 25_000;

    @Inject
    JobStore jobs;

    @Inject
    TaskMetrics metrics;

    private SimConfig originalConfig;

    @BeforeEach
    void slowModel() {
        originalConfig = DevStack.shared().modelSimClient().config();
        DevStack.shared().modelSimClient().setLatency(new LatencySpec.Fixed(MODEL_LATENCY_MILLIS));
    }

    @AfterEach
    void restoreModel() {
        DevStack.shared().modelSimClient().setConfig(originalConfig);
    }

    @Test
    void aTaskOverTheMaximumRunTimeIsFailedClearlyAndItsModelCallCutShort() {
        double before = metrics.tasks("run_time_exceeded");
        TaskRef ref = Tasks.submitImage(jobs, "never-ending");

        Task task = Tasks.awaitTask(jobs, ref, Duration.ofSeconds(22), t -> t.status().isTerminal());

        assertThat(task.status()).isEqualTo(JobStatus.FAILED);
        assertThat(task.lastError()).contains("exceeded maximum run time of 12s");
        assertThat(task.attempts()).isEqualTo(1);
        assertThat(task.output()).isEmpty();
        // Failed soon after the 12 s limit, long before the model would have answered: the call was aborted.
        Duration ran = Duration.between(task.startedAt().orElseThrow(), task.completedAt().orElseThrow());
        assertThat(ran).isBetween(Duration.ofSeconds(12), Duration.ofSeconds(17));
        Awaitility.await().atMost(Duration.ofSeconds(2))
                .until(() -> metrics.tasks("run_time_exceeded") == before + 1);
    }
}
