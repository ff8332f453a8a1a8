package dev.sluice.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.MotoTable;
import dev.sluice.core.MutableClock;
import dev.sluice.core.job.Job;
import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.JobType;
import dev.sluice.core.job.NewJob;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class JobStoreTest {
    private static final Duration IDEMPOTENCY_TTL = Duration.ofHours(24);
    private static MotoTable table;
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private static JobStore jobs;

    @BeforeAll
    static void setUp() {
        table = MotoTable.create();
        jobs = new JobStore(table.dynamo(), table.name(), IDEMPOTENCY_TTL, clock);
    }

    @AfterAll
    static void tearDown() {
        table.dynamo().close();
    }

    private static NewJob request(String owner, String key, String hash) {
        return new NewJob(owner, JobType.IMAGE_GENERATION, "{\"prompt\":\"a red car\"}", Optional.ofNullable(key), hash);
    }

    @Test
    void createdJobHasOnePendingTaskAndReadsBack() {
        Job job = ((JobCreation.Created) jobs.create(request("owner-a", null, "h"))).job();

        Job read = jobs.find(job.jobId()).orElseThrow();
        assertThat(read.ownerId()).isEqualTo("owner-a");
        assertThat(read.type()).isEqualTo(JobType.IMAGE_GENERATION);
        assertThat(read.input()).isEqualTo("{\"prompt\":\"a red car\"}");
        assertThat(read.status()).isEqualTo(JobStatus.PENDING);
        assertThat(read.tasks()).singleElement().satisfies(task -> {
            assertThat(task.status()).isEqualTo(JobStatus.PENDING);
            assertThat(task.attempts()).isZero();
            assertThat(task.fencingToken()).isZero();
            assertThat(task.enqueuedAt()).isEmpty();
            assertThat(task.ref().taskId()).startsWith(job.jobId());
        });
    }

    @Test
    void sameKeyAndSameRequestReplaysTheSameJobOnceTheFirstWasAnswered() {
        Job first = ((JobCreation.Created) jobs.create(request("owner-b", "key-1", "hash-1"))).job();
        jobs.idempotentRequestAnswered("owner-b", "key-1", first.jobId());

        JobCreation again = jobs.create(request("owner-b", "key-1", "hash-1"));

        assertThat(again).isInstanceOf(JobCreation.Replayed.class);
        assertThat(((JobCreation.Replayed) again).job().jobId()).isEqualTo(first.jobId());
        assertThat(jobItemsOf("owner-b")).isEqualTo(1);
    }

    @Test
    void aRetryWhileTheFirstRequestHasNotAnsweredIsInFlight() {
        jobs.create(request("owner-i", "key-4", "hash-1"));
        clock.advance(IdempotencyRecords.IN_FLIGHT_TIMEOUT.minusSeconds(1));

        assertThat(jobs.create(request("owner-i", "key-4", "hash-1"))).isEqualTo(new JobCreation.InFlight("key-4"));
        // A different body is refused even while in flight: the key is taken either way.
        assertThat(jobs.create(request("owner-i", "key-4", "hash-2"))).isEqualTo(new JobCreation.KeyReused("key-4"));
        assertThat(jobItemsOf("owner-i")).isEqualTo(1);
    }

    @Test
    void aRetryTakesOverARequestThatNeverAnswered() {
        Job first = ((JobCreation.Created) jobs.create(request("owner-j", "key-5", "hash-1"))).job();
        clock.advance(IdempotencyRecords.IN_FLIGHT_TIMEOUT.plusSeconds(1));

        JobCreation retry = jobs.create(request("owner-j", "key-5", "hash-1"));

        assertThat(retry).isInstanceOf(JobCreation.Replayed.class);
        assertThat(((JobCreation.Replayed) retry).job().jobId()).isEqualTo(first.jobId());
    }

    @Test
    void answeringDoesNotTouchARecordReclaimedForAnotherJob() {
        Job old = ((JobCreation.Created) jobs.create(request("owner-k", "key-6", "hash-1"))).job();
        clock.advance(IDEMPOTENCY_TTL.plusMinutes(1));
        jobs.create(request("owner-k", "key-6", "hash-2"));

        jobs.idempotentRequestAnswered("owner-k", "key-6", old.jobId());

        assertThat(jobs.create(request("owner-k", "key-6", "hash-2"))).isEqualTo(new JobCreation.InFlight("key-6"));
    }

    @Test
    void sameKeyWithADifferentRequestIsRefused() {
        jobs.create(request("owner-c", "key-2", "hash-1"));

        assertThat(jobs.create(request("owner-c", "key-2", "hash-2")))
                .isEqualTo(new JobCreation.KeyReused("key-2"));
        assertThat(jobItemsOf("owner-c")).isEqualTo(1);
    }

    @Test
    void anEarlierAnswerIsFoundWithoutWritingAndOnlyForAKeyInUse() {
        Job first = ((JobCreation.Created) jobs.create(request("owner-l", "key-l", "hash-1"))).job();
        assertThat(jobs.earlierAnswer(request("owner-l", "key-l", "hash-1"))).as("not answered yet")
                .contains(new JobCreation.InFlight("key-l"));
        jobs.idempotentRequestAnswered("owner-l", "key-l", first.jobId());

        JobCreation replay = jobs.earlierAnswer(request("owner-l", "key-l", "hash-1")).orElseThrow();
        assertThat(replay).isInstanceOf(JobCreation.Replayed.class);
        assertThat(((JobCreation.Replayed) replay).job().jobId()).isEqualTo(first.jobId());
        assertThat(jobs.earlierAnswer(request("owner-l", "key-l", "hash-2"))).contains(new JobCreation.KeyReused("key-l"));
        assertThat(jobs.earlierAnswer(request("owner-l", "key-unused", "hash-1"))).isEmpty();
        assertThat(jobs.earlierAnswer(request("owner-other", "key-l", "hash-1"))).as("keys are per owner").isEmpty();
        assertThat(jobs.earlierAnswer(request("owner-l", null, "hash-1"))).isEmpty();
        assertThat(jobItemsOf("owner-l")).isEqualTo(1);

        clock.advance(IDEMPOTENCY_TTL.plusSeconds(1));
        assertThat(jobs.earlierAnswer(request("owner-l", "key-l", "hash-1"))).as("expired, TTL or not").isEmpty();
    }

    @Test
    void idempotencyKeysAreScopedToTheOwner() {
        Job mine = ((JobCreation.Created) jobs.create(request("owner-d", "shared-key", "h"))).job();

        JobCreation theirs = jobs.create(request("owner-e", "shared-key", "h"));

        assertThat(theirs).isInstanceOf(JobCreation.Created.class);
        assertThat(((JobCreation.Created) theirs).job().jobId()).isNotEqualTo(mine.jobId());
    }

    @Test
    void anExpiredKeyNoLongerBlocksEvenBeforeTtlDeletion() {
        Job old = ((JobCreation.Created) jobs.create(request("owner-f", "key-3", "hash-1"))).job();
        clock.advance(IDEMPOTENCY_TTL.plusMinutes(1));

        JobCreation later = jobs.create(request("owner-f", "key-3", "hash-2"));

        assertThat(later).isInstanceOf(JobCreation.Created.class);
        assertThat(((JobCreation.Created) later).job().jobId()).isNotEqualTo(old.jobId());
    }

    @Test
    void markEnqueuedRecordsTheTime() {
        Job job = ((JobCreation.Created) jobs.create(request("owner-g", null, "h"))).job();

        jobs.markEnqueued(job.tasks().get(0).ref());

        assertThat(jobs.find(job.jobId()).orElseThrow().tasks().get(0).enqueuedAt()).contains(clock.instant()
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void objectsAJobReadsAreRecordedAsReferenced() {
        jobs.create(new NewJob("owner-h", JobType.VIDEO_ANALYSIS, "{\"videoKey\":\"uploads/owner-h/1/a.mp4\"}",
                Optional.empty(), "h", java.util.List.of("uploads/owner-h/1/a.mp4")));

        assertThat(jobs.isReferenced("uploads/owner-h/1/a.mp4")).isTrue();
        assertThat(jobs.isReferenced("uploads/owner-h/2/b.mp4")).isFalse();
    }

    @Test
    void markEnqueuedRestartsPendingSinceInTheIndex() {
        Job job = ((JobCreation.Created) jobs.create(request("owner-i", null, "h"))).job();
        var ref = job.tasks().get(0).ref();
        TaskIndex index = new TaskIndex(table.dynamo(), table.name());
        clock.advance(Duration.ofMinutes(30));
        var cutoff = clock.instant().minusSeconds(60);
        assertThat(index.pendingSince(cutoff, 1000)).extracting(t -> t.ref()).contains(ref);

        jobs.markEnqueued(ref);

        assertThat(index.pendingSince(cutoff, 1000)).extracting(t -> t.ref()).doesNotContain(ref);
    }

    @Test
    void markEnqueuedLeavesATaskAlreadyLeased() {
        Job job = ((JobCreation.Created) jobs.create(request("owner-j", null, "h"))).job();
        var ref = job.tasks().get(0).ref();
        new dev.sluice.core.lease.LeaseManager(table.dynamo(), table.name(), clock).acquire(ref, "w", Duration.ofMinutes(1));

        jobs.markEnqueued(ref);

        assertThat(jobs.findTask(ref).orElseThrow().enqueuedAt()).isEmpty();
        assertThat(new TaskIndex(table.dynamo(), table.name()).processing(1000)).extracting(t -> t.ref()).contains(ref);
    }

    @Test
    void unknownJobIsEmpty() {
        assertThat(jobs.find("no-such-job")).isEmpty();
    }

    private static int jobItemsOf(String owner) {
        return table.dynamo().query(b -> b.tableName(table.name()).indexName(JobTable.GSI1)
                .keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(JobTable.ownerPk(owner)))))
                .count();
    }
}
