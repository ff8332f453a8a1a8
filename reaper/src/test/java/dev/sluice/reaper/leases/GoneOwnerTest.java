package dev.sluice.reaper.leases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.Task;
import dev.sluice.core.job.TaskRef;
import dev.sluice.core.lease.Lease;
import dev.sluice.devstack.DevStackResource;
import dev.sluice.reaper.CommandResult;
import dev.sluice.reaper.Fixtures;
import dev.sluice.reaper.KubernetesMockResource;
import dev.sluice.reaper.Reaper;
import dev.sluice.reaper.TestClock;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Leases of worker pods that no longer exist are released at once, against a mock Kubernetes API. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(KubernetesMockResource.class)
class GoneOwnerTest {
    private static final Map<String, String> WORKER = Map.of("app.kubernetes.io/component", "worker");

    @Inject
    Reaper reaper;

    @Inject
    Fixtures fixtures;

    @Inject
    TestClock clock;

    @Inject
    KubernetesClient kubernetes;

    @BeforeEach
    void setUp() {
        clock.reset();
        fixtures.drainTaskQueue();
    }

    @AfterEach
    void removePods() {
        kubernetes.pods().withLabels(WORKER).delete();
        kubernetes.pods().withName("api-7f9c").delete();
    }

    @Test
    void aLiveLeaseOfAMissingPodIsReleasedAndOneOfAnExistingPodIsNot() {
        createPod("worker-alive", WORKER, "Running");
        createPod("worker-finished", WORKER, "Failed");
        // Not a worker: its name does not keep a lease alive.
        createPod("api-7f9c", Map.of("app.kubernetes.io/component", "api"), "Running");
        TaskRef alive = fixtures.newTask();
        TaskRef gone = fixtures.newTask();
        TaskRef finished = fixtures.newTask();
        TaskRef notAWorker = fixtures.newTask();
        Lease aliveLease = fixtures.lease(alive, "worker-alive", Duration.ofMinutes(10));
        Lease goneLease = fixtures.lease(gone, "worker-gone", Duration.ofMinutes(10));
        fixtures.lease(finished, "worker-finished", Duration.ofMinutes(10));
        fixtures.lease(notAWorker, "api-7f9c", Duration.ofMinutes(10));

        CommandResult result = reaper.execute("run");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.json().path("steps").path("goneOwners").path("status").asText()).isEqualTo("done");
        assertThat(result.step("goneOwners", "workerPods")).isEqualTo(1);
        Task untouched = fixtures.task(alive);
        assertThat(untouched.status()).isEqualTo(JobStatus.PROCESSING);
        assertThat(untouched.leaseOwner()).contains("worker-alive");
        assertThat(untouched.fencingToken()).isEqualTo(aliveLease.fencingToken());

        Task released = fixtures.task(gone);
        assertThat(released.status()).isEqualTo(JobStatus.PENDING);
        assertThat(released.leaseOwner()).isEmpty();
        assertThat(released.fencingToken()).isEqualTo(goneLease.fencingToken());
        assertThat(released.lastError()).hasValueSatisfying(e -> assertThat(e).contains("worker-gone"));
        assertThat(fixtures.task(finished).status()).isEqualTo(JobStatus.PENDING);
        assertThat(fixtures.task(notAWorker).status()).isEqualTo(JobStatus.PENDING);

        assertThat(fixtures.drainTaskQueue()).contains(gone.taskId(), finished.taskId(), notAWorker.taskId())
                .doesNotContain(alive.taskId());
    }

    @Test
    void withNoWorkerPodAtAllNothingIsReleased() {
        TaskRef ref = fixtures.newTask();
        fixtures.lease(ref, "worker-somewhere", Duration.ofMinutes(10));

        CommandResult result = reaper.execute("run");

        assertThat(result.exitCode()).isZero();
        assertThat(result.json().path("steps").path("goneOwners").path("status").asText()).isEqualTo("skipped");
        assertThat(result.json().path("steps").path("goneOwners").path("reason").asText()).contains("no pod matches");
        assertThat(fixtures.task(ref).status()).isEqualTo(JobStatus.PROCESSING);
    }

    private void createPod(String name, Map<String, String> labels, String phase) {
        Pod pod = new PodBuilder()
                .withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("sluice").endContainer().endSpec()
                .withNewStatus().withPhase(phase).endStatus()
                .build();
        kubernetes.pods().resource(pod).create();
    }
}
