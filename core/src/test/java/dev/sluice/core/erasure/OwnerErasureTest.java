package dev.sluice.core.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.MotoBucket;
import dev.sluice.core.MotoTable;
import dev.sluice.core.MutableClock;
import dev.sluice.core.job.Job;
import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.JobType;
import dev.sluice.core.job.NewJob;
import dev.sluice.core.job.TaskOutput;
import dev.sluice.core.keys.ObjectKeys;
import dev.sluice.core.lease.Lease;
import dev.sluice.core.lease.LeaseAcquisition;
import dev.sluice.core.lease.LeaseManager;
import dev.sluice.core.lease.LeaseRecovery;
import dev.sluice.core.store.JobCreation;
import dev.sluice.core.store.JobStore;
import dev.sluice.core.store.JobTable;
import dev.sluice.core.store.OwnerItems;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class OwnerErasureTest {
    private static final Duration AUDIT_RETENTION = Duration.ofDays(1095);
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private static MotoTable table;
    private static MotoBucket bucket;
    private static JobStore jobs;
    private static LeaseManager leases;
    private static OwnerErasure erasure;

    @BeforeAll
    static void setUp() {
        table = MotoTable.create();
        bucket = MotoBucket.createVersioned();
        jobs = new JobStore(table.dynamo(), table.name(), Duration.ofHours(24), clock);
        leases = new LeaseManager(table.dynamo(), table.name(), clock);
        erasure = new OwnerErasure(jobs, new OwnerItems(table.dynamo(), table.name()),
                new LeaseRecovery(table.dynamo(), table.name(), clock), new OwnerObjects(bucket.s3(), bucket.name()),
                new ErasureAudit(table.dynamo(), table.name(), AUDIT_RETENTION, clock), Optional.of("test-pepper"));
    }

    @AfterAll
    static void tearDown() {
        table.dynamo().close();
        bucket.s3().close();
    }

    /** Everything one owner has: what erasing owner A must remove and erasing nobody must touch for B. */
    private record Owner(String id, Job pending, Job running, Lease runningLease, Job completed, String upload,
                         String output) {
    }

    private static Owner populate(String owner) {
        String upload = ObjectKeys.upload(owner, "clip.mp4");
        put(upload, "first");
        put(upload, "second");
        String discarded = ObjectKeys.upload(owner, "old.mp4");
        put(discarded, "old");
        bucket.s3().deleteObject(b -> b.bucket(bucket.name()).key(discarded));

        Job pending = create(new NewJob(owner, JobType.IMAGE_GENERATION, "{}", Optional.of("same-key"), "h1"));
        Job running = create(new NewJob(owner, JobType.VIDEO_ANALYSIS, "{}", Optional.empty(), "h2", List.of(upload)));
        Lease lease = ((LeaseAcquisition.Acquired) leases.acquire(running.tasks().get(0).ref(), "worker-1",
                Duration.ofMinutes(5))).lease();
        Job completed = create(new NewJob(owner, JobType.IMAGE_GENERATION, "{}", Optional.empty(), "h3"));
        Lease done = ((LeaseAcquisition.Acquired) leases.acquire(completed.tasks().get(0).ref(), "worker-1",
                Duration.ofMinutes(5))).lease();
        String output = ObjectKeys.output(owner, done.ref(), "png");
        put(output, "png");
        assertThat(leases.complete(done, new TaskOutput(output, "image/png", 3, "x"))).isTrue();
        return new Owner(owner, pending, running, lease, completed, upload, output);
    }

    private static Job erasureJob(String owner) {
        return create(new NewJob(owner, JobType.DATA_ERASURE, "{}", Optional.of("erase-1"), "erase"));
    }

    @Test
    void erasesEveryItemObjectAndVersionOfTheOwnerAndNothingOfAnother() {
        Owner a = populate("owner-a-" + UUID.randomUUID());
        Owner b = populate("owner-b-" + UUID.randomUUID());
        Job erasureOfA = erasureJob(a.id());

        ErasureSummary summary = erasure.erase(erasureOfA, () -> false).orElseThrow();

        // 3 jobs with a task each; one Idempotency-Key; one object reference; the clip (current) and the
        // output (current) are objects; versions: clip x2, old.mp4 + its delete marker, output.
        assertThat(summary.counts()).isEqualTo(new ErasureCounts(3, 3, 1, 1, 2, 5));
        for (Job job : List.of(a.pending(), a.running(), a.completed())) {
            assertThat(jobs.find(job.jobId())).as("job of A").isEmpty();
        }
        assertThat(item(JobTable.idempotencyKey(a.id(), "same-key"))).isEmpty();
        assertThat(jobs.isReferenced(a.upload())).isFalse();
        assertThat(versions("uploads/" + a.id() + "/")).isZero();
        assertThat(versions("outputs/" + a.id() + "/")).isZero();
        assertThat(leases.complete(a.runningLease(), new TaskOutput("k", "image/png", 1, "x")))
                .as("the erased running task's worker can no longer commit").isFalse();

        assertThat(jobs.find(erasureOfA.jobId())).as("the erasure job itself stays").isPresent();
        assertThat(item(JobTable.idempotencyKey(a.id(), "erase-1"))).as("and its own idempotency record").isPresent();

        assertThat(jobs.find(b.pending().jobId()).orElseThrow().status()).isEqualTo(JobStatus.PENDING);
        assertThat(jobs.find(b.running().jobId()).orElseThrow().status()).isEqualTo(JobStatus.PROCESSING);
        assertThat(jobs.find(b.completed().jobId()).orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(item(JobTable.idempotencyKey(b.id(), "same-key"))).isPresent();
        assertThat(jobs.isReferenced(b.upload())).isTrue();
        assertThat(versions("uploads/" + b.id() + "/")).isEqualTo(4);
        assertThat(versions("outputs/" + b.id() + "/")).isEqualTo(1);
    }

    @Test
    void theAuditRecordHoldsCountsAndTimesButNoOwnerId() {
        Owner a = populate("owner-c-" + UUID.randomUUID());
        Job erasureOfA = erasureJob(a.id());

        ErasureSummary summary = erasure.erase(erasureOfA, () -> false).orElseThrow();

        OwnerHash hash = OwnerHash.of(a.id(), Optional.of("test-pepper"));
        assertThat(hash.algorithm()).isEqualTo("hmac-sha256");
        Map<String, AttributeValue> audit = item(ErasureAudit.key(hash, erasureOfA.createdAt(), erasureOfA.jobId()))
                .orElseThrow();
        assertThat(audit.get("jobs").n()).isEqualTo("3");
        assertThat(audit.get("versions").n()).isEqualTo("5");
        assertThat(audit.get("completedAt").n()).isEqualTo(Long.toString(summary.completedAt().toEpochMilli()));
        assertThat(audit.get(JobTable.EXPIRES_AT).n())
                .isEqualTo(Long.toString(erasureOfA.createdAt().plus(AUDIT_RETENTION).getEpochSecond()));
        assertThat(audit.toString()).doesNotContain(a.id());
        assertThat(new String(summary.toJson())).doesNotContain(a.id()).contains(hash.value());
    }

    @Test
    void anErasureCutShortIsFinishedByTheNextAttemptAndCountsAddUp() {
        Owner a = populate("owner-d-" + UUID.randomUUID());
        Job erasureOfA = erasureJob(a.id());
        AtomicInteger checks = new AtomicInteger();

        // Four jobs are looked at for cancelling, then two for deleting (one at least is not the erasure).
        Optional<ErasureSummary> first = erasure.erase(erasureOfA, () -> checks.incrementAndGet() > 6);
        assertThat(first).as("stopped half-way").isEmpty();
        long left = List.of(a.pending(), a.running(), a.completed()).stream()
                .filter(job -> jobs.find(job.jobId()).isPresent()).count();
        assertThat(left).as("jobs left after the first attempt").isBetween(1L, 2L);
        assertThat(versions("uploads/" + a.id() + "/")).as("objects not reached yet").isEqualTo(4);

        ErasureSummary second = erasure.erase(erasureOfA, () -> false).orElseThrow();
        assertThat(second.counts()).isEqualTo(new ErasureCounts(3, 3, 1, 1, 2, 5));
        assertThat(versions("uploads/" + a.id() + "/") + versions("outputs/" + a.id() + "/")).isZero();
    }

    @Test
    void anotherUnfinishedErasureOfTheOwnerIsLeftAlone() {
        String owner = "owner-e-" + UUID.randomUUID();
        Job earlier = create(new NewJob(owner, JobType.DATA_ERASURE, "{}", Optional.empty(), "erase"));
        Job later = erasureJob(owner);

        erasure.erase(later, () -> false).orElseThrow();

        assertThat(jobs.find(earlier.jobId()).orElseThrow().status()).isEqualTo(JobStatus.PENDING);
    }

    private static Job create(NewJob job) {
        return ((JobCreation.Created) jobs.create(job)).job();
    }

    private static void put(String key, String body) {
        bucket.s3().putObject(b -> b.bucket(bucket.name()).key(key), RequestBody.fromString(body));
    }

    private static int versions(String prefix) {
        var page = bucket.s3().listObjectVersions(b -> b.bucket(bucket.name()).prefix(prefix));
        return page.versions().size() + page.deleteMarkers().size();
    }

    private static Optional<Map<String, AttributeValue>> item(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = table.dynamo()
                .getItem(b -> b.tableName(table.name()).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }
}
