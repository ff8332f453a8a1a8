package dev.sluice.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.MotoTable;
import dev.sluice.core.MutableClock;
import dev.sluice.core.job.Job;
import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.JobType;
import dev.sluice.core.job.NewJob;
import dev.sluice.core.job.TaskOutput;
import dev.sluice.core.job.TaskRef;
import dev.sluice.core.lease.LeaseAcquisition;
import dev.sluice.core.lease.LeaseManager;
import dev.sluice.core.lease.LeaseRecovery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An owner's jobs through gsi1: newest first, paged by an owner-bound cursor, filtered by derived status. */
class OwnerJobsTest {
    private static MotoTable table;
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
    private static JobStore jobs;
    private static LeaseManager leases;
    private static LeaseRecovery recovery;
    private static OwnerJobs owners;

    @BeforeAll
    static void setUp() {
        table = MotoTable.create();
        jobs = new JobStore(table.dynamo(), table.name(), Duration.ofHours(1), clock);
        leases = new LeaseManager(table.dynamo(), table.name(), clock);
        recovery = new LeaseRecovery(table.dynamo(), table.name(), clock);
        owners = new OwnerJobs(table.dynamo(), table.name());
    }

    @AfterAll
    static void tearDown() {
        table.dynamo().close();
    }

    private static String owner() {
        return "owner-" + UUID.randomUUID();
    }

    /** A job one second after the previous one, so the newest-first order is known. */
    private static Job newJob(String owner) {
        clock.advance(Duration.ofSeconds(1));
        return ((JobCreation.Created) jobs.create(new NewJob(owner, JobType.IMAGE_GENERATION, "{}", Optional.empty(),
                "h"))).job();
    }

    private static TaskRef task(Job job) {
        return job.tasks().get(0).ref();
    }

    private static List<String> ids(List<Job> list) {
        return list.stream().map(Job::jobId).toList();
    }

    private static List<String> newestFirst(List<Job> created) {
        List<String> ids = new ArrayList<>(ids(created));
        java.util.Collections.reverse(ids);
        return ids;
    }

    @Test
    void pagesGoNewestFirstUntilTheIndexIsExhausted() {
        String owner = owner();
        List<Job> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(newJob(owner));
        }
        newJob(owner());

        OwnerJobs.Page first = owners.list(owner, Optional.empty(), 2, Optional.empty());
        OwnerJobs.Page second = owners.list(owner, Optional.empty(), 2, first.nextCursor());
        OwnerJobs.Page third = owners.list(owner, Optional.empty(), 2, second.nextCursor());

        List<String> expected = newestFirst(created);
        assertThat(ids(first.jobs())).containsExactlyElementsOf(expected.subList(0, 2));
        assertThat(ids(second.jobs())).containsExactlyElementsOf(expected.subList(2, 4));
        assertThat(ids(third.jobs())).containsExactlyElementsOf(expected.subList(4, 5));
        assertThat(first.nextCursor()).isPresent();
        assertThat(second.nextCursor()).isPresent();
        assertThat(third.nextCursor()).as("exhausted").isEmpty();
        assertThat(first.jobs().get(0).status()).isEqualTo(JobStatus.PENDING);
        assertThat(first.jobs().get(0).tasks()).hasSize(1);

        OwnerJobs.Page all = owners.list(owner, Optional.empty(), 5, Optional.empty());
        assertThat(ids(all.jobs())).containsExactlyElementsOf(expected);
        assertThat(all.nextCursor()).as("exactly the rest: no empty last page").isEmpty();
    }

    @Test
    void aStatusFilterKeepsPagingCorrectAcrossNonMatchingJobs() {
        String owner = owner();
        List<Job> cancelled = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Job job = newJob(owner);
            if (i % 2 == 1) {
                assertThat(recovery.cancel(task(job))).isTrue();
                cancelled.add(job);
            }
            Job done = newJob(owner);
            var acquired = (LeaseAcquisition.Acquired) leases.acquire(task(done), "w", Duration.ofMinutes(1));
            assertThat(leases.complete(acquired.lease(), new TaskOutput("k", "image/png", 1, "x"))).isTrue();
        }

        OwnerJobs.Page first = owners.list(owner, Optional.of(JobStatus.CANCELLED), 1, Optional.empty());
        OwnerJobs.Page second = owners.list(owner, Optional.of(JobStatus.CANCELLED), 1, first.nextCursor());
        OwnerJobs.Page third = owners.list(owner, Optional.of(JobStatus.CANCELLED), 1, second.nextCursor());

        List<String> expected = newestFirst(cancelled);
        assertThat(ids(first.jobs())).containsExactly(expected.get(0));
        assertThat(ids(second.jobs())).containsExactly(expected.get(1));
        assertThat(first.jobs().get(0).status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(second.nextCursor()).as("older jobs remain to be examined").isPresent();
        assertThat(third.jobs()).as("only older non-matching jobs remained").isEmpty();
        assertThat(third.nextCursor()).isEmpty();
        assertThat(owners.list(owner, Optional.of(JobStatus.COMPLETED), 100, Optional.empty()).jobs()).hasSize(4);
        assertThat(owners.list(owner, Optional.of(JobStatus.PENDING), 100, Optional.empty()).jobs()).hasSize(2);
        assertThat(owners.list(owner, Optional.of(JobStatus.FAILED), 100, Optional.empty()).jobs()).isEmpty();
    }

    @Test
    void aFilteredPageReadsAtMostABoundedNumberOfJobs() {
        String owner = owner();
        for (int i = 0; i < OwnerJobs.MAX_EXAMINED + 3; i++) {
            newJob(owner);
        }

        OwnerJobs.Page first = owners.list(owner, Optional.of(JobStatus.FAILED), 10, Optional.empty());
        OwnerJobs.Page rest = owners.list(owner, Optional.of(JobStatus.FAILED), 10, first.nextCursor());

        assertThat(first.jobs()).isEmpty();
        assertThat(first.nextCursor()).as("more to examine").isPresent();
        assertThat(rest.jobs()).isEmpty();
        assertThat(rest.nextCursor()).isEmpty();
    }

    @Test
    void cursorsAreBoundToTheirOwnerAndValidated() {
        String owner = owner();
        String other = owner();
        newJob(owner);
        newJob(owner);
        newJob(other);
        Optional<String> ownersCursor = owners.list(owner, Optional.empty(), 1, Optional.empty()).nextCursor();
        assertThat(ownersCursor).isPresent();

        assertThat(owners.list(other, Optional.empty(), 100, Optional.empty()).jobs())
                .allSatisfy(job -> assertThat(job.ownerId()).isEqualTo(other)).hasSize(1);
        assertThatThrownBy(() -> owners.list(other, Optional.empty(), 1, ownersCursor))
                .isInstanceOf(InvalidCursorException.class);
        String plain = new String(Base64.getUrlDecoder().decode(ownersCursor.get()), StandardCharsets.UTF_8);
        for (String bad : List.of("not base64 !", "", encode("garbage"), encode(plain + "!"), encode(plain.substring(0, plain.length() - 40)),
                encode(plain.replace("#", "#../")), encode(plain.replaceFirst("^1", "2")))) {
            assertThatThrownBy(() -> owners.list(owner, Optional.empty(), 1, Optional.of(bad)))
                    .as(bad).isInstanceOf(InvalidCursorException.class);
        }
        assertThatThrownBy(() -> owners.list(owner, Optional.empty(), 0, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> owners.list(owner, Optional.empty(), OwnerJobs.MAX_LIMIT + 1, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String encode(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
