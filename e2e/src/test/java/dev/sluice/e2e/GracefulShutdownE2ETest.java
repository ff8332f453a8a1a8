package dev.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.Task;
import dev.sluice.core.job.TaskRef;
import dev.sluice.devstack.AppProcess;
import dev.sluice.devstack.DevStack;
import dev.sluice.modelsim.InvocationRecord;
import dev.sluice.modelsim.LatencySpec;
import dev.sluice.modelsim.ModelSimClient;
import dev.sluice.modelsim.SimConfig;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM, as Kubernetes sends it, to packaged workers running as processes: tasks that can finish
 * within the drain do, with their leases kept alive meanwhile; the others are handed back at the drain
 * timeout and another worker takes them at once instead of after their lease runs out.
 */
class GracefulShutdownE2ETest {
    private static final Duration READY = Duration.ofSeconds(120);
    private static final Duration GRACE = Duration.ofSeconds(30);

    private static ShutdownTestWorkers workers;
    private ModelSimClient sim;
    private SimConfig originalSim;

    @BeforeAll
    static void ownQueue() {
        workers = ShutdownTestWorkers.onOwnQueue();
    }

    @BeforeEach
    void rememberModel() {
        sim = DevStack.shared().modelSimClient();
        originalSim = sim.config();
    }

    @AfterEach
    void cleanUp() {
        sim.setConfig(originalSim);
        workers.close();
    }

    @Test
    void aTaskRunningAtSigtermCompletesDuringTheDrainWhileItsHeartbeatsGoOn() throws Exception {
        Duration ttl = Duration.ofSeconds(3);
        // Longer than the lease TTL: only heartbeats during the drain keep the lease.
        sim.setLatency(new LatencySpec.Fixed(5_000));
        AppProcess worker = workers.start("drain-worker", Map.of(
                "SLUICE_WORKER_LEASE_TTL", "3s",
                "SLUICE_WORKER_DRAIN_TIMEOUT", "8s",
                "SLUICE_WORKER_WAIT_TIME", "2s")).awaitReady(READY);
        TaskRef ref = workers.submitImage("finishes-while-draining");
        awaitTask(ref, Duration.ofSeconds(20), t -> t.status() == JobStatus.PROCESSING);

        Instant sigterm = Instant.now();
        CompletableFuture<Duration> stopped = stopAsync(worker);
        AtomicReference<Instant> latestExpiry = new AtomicReference<>(Instant.MIN);
        Task done = awaitTask(ref, Duration.ofSeconds(20), t -> {
            t.leaseExpiresAt().filter(e -> e.isAfter(latestExpiry.get())).ifPresent(latestExpiry::set);
            return t.status().isTerminal();
        });
        Duration stopTook = stopped.get(GRACE.toSeconds() + 5, TimeUnit.SECONDS);

        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.fencingToken()).isEqualTo(1);
        assertThat(latestExpiry.get()).as("the lease was extended after SIGTERM").isAfter(sigterm.plus(ttl));
        assertThat(DevStack.shared().modelSimClient().invocations(ref.taskId()))
                .singleElement().satisfies(call -> assertThat(call.succeeded()).isTrue());
        assertThat(worker.isAlive()).isFalse();
        assertThat(stopTook).as("exited by itself after the drain, not killed").isLessThan(GRACE);
        assertThat(Files.readString(worker.log())).contains("shutdown: drain finished");
    }

    @Test
    void aTaskOutlastingTheDrainIsHandedBackAndAnotherWorkerTakesItOverAtOnce() throws Exception {
        // A lease TTL much longer than the hand-over, so "at once" is told apart from "after the lease expired".
        Map<String, String> settings = Map.of(
                "SLUICE_WORKER_LEASE_TTL", "10s",
                "SLUICE_WORKER_DRAIN_TIMEOUT", "3s",
                "SLUICE_WORKER_WAIT_TIME", "2s");
        sim.setLatency(new LatencySpec.Fixed(8_000));
        AppProcess first = workers.start("handback-worker-1", settings);
        AppProcess second = workers.start("handback-worker-2", settings);
        first.awaitReady(READY);
        second.awaitReady(READY);
        TaskRef ref = workers.submitImage("outlasts-the-drain");
        Task running = awaitTask(ref, Duration.ofSeconds(20), t -> t.status() == JobStatus.PROCESSING);
        AppProcess holder = running.leaseOwner().orElseThrow().equals(first.name()) ? first : second;
        AppProcess taker = holder == first ? second : first;

        CompletableFuture<Duration> stopped = stopAsync(holder);
        AtomicReference<Instant> firstLeaseExpiry = new AtomicReference<>(Instant.MIN);
        Task takenOver = awaitTask(ref, Duration.ofSeconds(20), t -> {
            if (t.fencingToken() == 1) {
                t.leaseExpiresAt().filter(e -> e.isAfter(firstLeaseExpiry.get())).ifPresent(firstLeaseExpiry::set);
            }
            return t.fencingToken() >= 2;
        });
        Instant takenOverSeen = Instant.now();

        assertThat(takenOver.leaseOwner()).contains(taker.name());
        assertThat(takenOverSeen).as("taken over before the handed-back lease would have expired")
                .isBefore(firstLeaseExpiry.get());
        assertThat(takenOver.shutdownReleases()).isEqualTo(1);
        assertThat(takenOver.attempts()).as("the handed-back attempt was given back").isEqualTo(1);

        Task done = awaitTask(ref, Duration.ofSeconds(30), t -> t.status().isTerminal());
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.fencingToken()).isEqualTo(2);
        assertThat(done.shutdownReleases()).isEqualTo(1);
        List<InvocationRecord> calls = awaitInvocations(ref, 2);
        assertThat(calls).extracting(InvocationRecord::fencingToken).containsExactlyInAnyOrder(1L, 2L);
        assertThat(calls).extracting(InvocationRecord::caller).containsExactlyInAnyOrder(holder.name(), taker.name());

        Duration stopTook = stopped.get(GRACE.toSeconds() + 5, TimeUnit.SECONDS);
        assertThat(holder.isAlive()).isFalse();
        assertThat(stopTook).as("exited by itself after the hand-back, not killed").isLessThan(GRACE);
        assertThat(Files.readString(holder.log())).contains("released at shutdown result=RELEASED");
    }

    /** SIGTERM without waiting for the exit; the future tells how long the process took to stop. */
    private static CompletableFuture<Duration> stopAsync(AppProcess worker) {
        return CompletableFuture.supplyAsync(() -> {
            Instant start = Instant.now();
            worker.stop(GRACE);
            return Duration.between(start, Instant.now());
        });
    }

    private static Task awaitTask(TaskRef ref, Duration timeout, Predicate<Task> until) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> workers.jobs().findTask(ref).orElseThrow(), until::test);
    }

    /** The simulator records a call when it answers, even to a caller that has gone. */
    private List<InvocationRecord> awaitInvocations(TaskRef ref, int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> sim.invocations(ref.taskId()), calls -> calls.size() >= count);
    }
}
