package dev.sluice.worker.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.JobType;
import dev.sluice.core.job.NewJob;
import dev.sluice.core.job.Task;
import dev.sluice.core.job.TaskRef;
import dev.sluice.core.lease.Lease;
import dev.sluice.core.lease.LeaseAcquisition;
import dev.sluice.core.lease.LeaseManager;
import dev.sluice.core.message.TaskMessage;
import dev.sluice.core.message.TaskMessageCodec;
import dev.sluice.core.store.JobCreation;
import dev.sluice.core.store.JobStore;
import dev.sluice.core.store.JobTable;
import dev.sluice.devstack.DevStack;
import dev.sluice.devstack.DevStackResource;
import dev.sluice.modelsim.FailureKind;
import dev.sluice.modelsim.FaultRule;
import dev.sluice.modelsim.InvocationRecord;
import dev.sluice.modelsim.LatencySpec;
import dev.sluice.modelsim.SimConfig;
import dev.sluice.worker.DeadLetters;
import dev.sluice.worker.Tasks;
import dev.sluice.worker.metrics.TaskMetrics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Leases seen from the worker: other holders, heartbeats, lost leases, attempts running out. */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = DevStackResource.MODEL, value = "true"))
class LeaseHandlingTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(40);

    @Inject
    JobStore jobs;

    @Inject
    TaskMetrics metrics;

    private LeaseManager otherWorker;
    private SimConfig originalConfig;

    @BeforeEach
    void setUp() {
        DevStack stack = DevStack.shared();
        otherWorker = new LeaseManager(stack.clients().dynamo(), stack.resources().table(), Clock.systemUTC());
        originalConfig = stack.modelSimClient().config();
    }

    @AfterEach
    void restoreModel() {
        DevStack.shared().modelSimClient().setConfig(originalConfig);
    }

    @Test
    void aLiveLeaseElsewhereIsRespectedAndTakenOverOnceItExpires() {
        TaskRef ref = newTask("held-elsewhere");
        Lease other = acquired(otherWorker.acquire(ref, "crashed-worker", Duration.ofSeconds(3)));
        send(ref);

        Task task = Tasks.awaitTask(jobs, ref, TIMEOUT, t -> t.status().isTerminal());

        assertThat(task.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(task.fencingToken()).isEqualTo(other.fencingToken() + 1);
        assertThat(DevStack.shared().modelSimClient().invocations(ref.taskId()))
                .extracting(InvocationRecord::fencingToken).containsExactly(2L);
    }

    @Test
    void heartbeatsKeepALongInvocationLeased() {
        // The model takes longer than the lease TTL (3 s in tests): only heartbeats keep the lease.
        DevStack.shared().modelSimClient().setLatency(new LatencySpec.Fixed(7_000));
        TaskRef ref = Tasks.submitImage(jobs, "slow-model");

        Task task = Tasks.awaitTask(jobs, ref, TIMEOUT, t -> t.status().isTerminal());

        assertThat(task.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(task.attempts()).isEqualTo(1);
        assertThat(task.fencingToken()).isEqualTo(1);
        assertThat(DevStack.shared().modelSimClient().invocations(ref.taskId())).hasSize(1);
    }

    @Test
    void aRefusedHeartbeatCancelsTheTaskAndNothingMoreIsWritten() throws InterruptedException {
        DevStack.shared().modelSimClient().setLatency(new LatencySpec.Fixed(6_000));
        double lostBefore = metrics.leasesLost();
        TaskRef ref = Tasks.submitImage(jobs, "stolen-lease");
        Tasks.awaitTask(jobs, ref, TIMEOUT, t -> t.status() == JobStatus.PROCESSING);

        // As if the worker had been paused past its lease: expire it, and let another worker take over.
        expireLease(ref);
        Lease thief = acquired(otherWorker.acquire(ref, "thief", Duration.ofMinutes(5)));
        // The next heartbeat (every second) is refused and the model call is aborted: the task ends
        // at once, not when the model would have answered.
        Awaitility.await().atMost(Duration.ofMillis(2_500)).pollInterval(Duration.ofMillis(50))
                .until(() -> metrics.leasesLost() == lostBefore + 1);
        Thread.sleep(7_000);

        Task task = jobs.findTask(ref).orElseThrow();
        assertThat(task.status()).isEqualTo(JobStatus.PROCESSING);
        assertThat(task.leaseOwner()).contains("thief");
        assertThat(task.fencingToken()).isEqualTo(thief.fencingToken());
        assertThat(task.output()).isEmpty();
        var listed = DevStack.shared().clients().s3().listObjectsV2(b -> b.bucket(DevStack.shared().resources().bucket())
                .prefix("outputs/" + Tasks.OWNER + "/" + ref.jobId() + "/"));
        assertThat(listed.contents()).as("the cancelled holder wrote no output").isEmpty();
        assertThat(metrics.leasesLost()).isEqualTo(lostBefore + 1);
        otherWorker.fail(thief, "test finished");
    }

    @Test
    void duplicateMessageForAFinishedTaskIsDroppedWithoutWork() throws InterruptedException {
        TaskRef ref = Tasks.submitImage(jobs, "finished-once");
        Task done = Tasks.awaitTask(jobs, ref, TIMEOUT, t -> t.status().isTerminal());

        send(ref);
        Thread.sleep(3_000);

        assertThat(jobs.findTask(ref).orElseThrow().fencingToken()).isEqualTo(done.fencingToken());
        assertThat(DevStack.shared().modelSimClient().invocations(ref.taskId())).hasSize(1);
    }

    @Test
    void messagesOverTheAttemptLimitReachTheDlq() {
        DevStack.shared().modelSimClient().addFault(FaultRule.always("always-throttled", FailureKind.THROTTLE));
        TaskRef ref = Tasks.submitImage(jobs, "always-throttled");

        DeadLetters.awaitContaining(ref.taskId(), TIMEOUT);

        Task task = jobs.findTask(ref).orElseThrow();
        assertThat(task.status()).isEqualTo(JobStatus.PENDING);
        assertThat(task.attempts()).isEqualTo(DevStack.TEST_MAX_RECEIVE_COUNT);
        assertThat(task.lastError()).hasValueSatisfying(e -> assertThat(e).contains("Throttling"));
    }

    @Test
    void poisonMessagesReachTheDlq() {
        String marker = "poison-" + UUID.randomUUID();
        Tasks.send("{\"not\":\"a task\",\"marker\":\"" + marker + "\"}");

        DeadLetters.awaitContaining(marker, TIMEOUT);
    }

    @Test
    void aMessageWhoseTaskNoLongerExistsIsDeletedNotDeadLettered() {
        // As after an erasure or a retention expiry: a well-formed message, no task item.
        TaskRef gone = TaskRef.of(UUID.randomUUID().toString(), 0);
        send(gone);

        DevStack stack = DevStack.shared();
        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
            var attributes = stack.clients().sqs().getQueueAttributes(b -> b.queueUrl(stack.resources().queueUrl())
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
            return attributes.values().stream().mapToInt(Integer::parseInt).sum() == 0;
        });
        var dlq = stack.clients().sqs().receiveMessage(b -> b.queueUrl(stack.resources().dlqUrl())
                .maxNumberOfMessages(10).visibilityTimeout(0).waitTimeSeconds(1)).messages();
        assertThat(dlq).noneMatch(m -> m.body().contains(gone.jobId()));
    }

    private TaskRef newTask(String marker) {
        String input = "{\"prompt\":\"" + marker + " " + UUID.randomUUID() + "\",\"width\":64,\"height\":64}";
        return ((JobCreation.Created) jobs.create(new NewJob(Tasks.OWNER, JobType.IMAGE_GENERATION, input,
                Optional.empty(), "h"))).job().tasks().get(0).ref();
    }

    private static void send(TaskRef ref) {
        Tasks.send(TaskMessageCodec.encode(TaskMessage.of(ref, JobType.IMAGE_GENERATION, Tasks.OWNER, Instant.now())));
    }

    private static void expireLease(TaskRef ref) {
        DevStack stack = DevStack.shared();
        stack.clients().dynamo().updateItem(b -> b.tableName(stack.resources().table()).key(JobTable.taskKey(ref))
                .updateExpression("SET leaseExpiresAt = :past")
                .expressionAttributeValues(Map.of(":past", AttributeValue.fromN("0"))));
    }

    private static Lease acquired(LeaseAcquisition acquisition) {
        assertThat(acquisition).isInstanceOf(LeaseAcquisition.Acquired.class);
        return ((LeaseAcquisition.Acquired) acquisition).lease();
    }
}
