package dev.sluice.reaper.orphans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.job.TaskRef;
import dev.sluice.core.keys.ObjectKeys;
import dev.sluice.core.lease.LeaseRecovery;
import dev.sluice.devstack.DevStackResource;
import dev.sluice.reaper.CommandResult;
import dev.sluice.reaper.Fixtures;
import dev.sluice.reaper.KubernetesMockResource;
import dev.sluice.reaper.Reaper;
import dev.sluice.reaper.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Orphaned uploads and outputs are deleted after their age limits; nothing a task needs ever is. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(KubernetesMockResource.class)
class OrphanTest {

    @Inject
    Reaper reaper;

    @Inject
    Fixtures fixtures;

    @Inject
    TestClock clock;

    @Inject
    LeaseRecovery recovery;

    @BeforeEach
    void setUp() {
        clock.reset();
    }

    @Test
    void anUploadNoJobReferencedIsDeletedAfterADayAndAReferencedOneIsKept() {
        String orphan = ObjectKeys.upload(Fixtures.OWNER, "orphan.mp4");
        String referenced = ObjectKeys.upload(Fixtures.OWNER, "used.mp4");
        fixtures.putObject(orphan);
        fixtures.putObject(referenced);
        fixtures.newJob(List.of(referenced));

        CommandResult young = reaper.execute("run");
        assertThat(young.exitCode()).as(young.out() + young.err()).isZero();
        assertThat(fixtures.objectExists(orphan)).isTrue();

        clock.advance(Duration.ofHours(25));
        CommandResult old = reaper.execute("run");

        assertThat(old.exitCode()).as(old.out() + old.err()).isZero();
        assertThat(old.step("orphans", "uploadsDeleted")).isPositive();
        assertThat(old.step("orphans", "uploadsReferenced")).isPositive();
        assertThat(fixtures.objectExists(orphan)).isFalse();
        assertThat(fixtures.objectExists(referenced)).isTrue();
    }

    @Test
    void objectsPastTheLookbackAreLeftToAnOperator() {
        String ancient = ObjectKeys.upload(Fixtures.OWNER, "ancient.mp4");
        fixtures.putObject(ancient);
        clock.advance(Duration.ofDays(9));

        CommandResult result = reaper.execute("run");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.step("orphans", "beyondLookback")).isPositive();
        assertThat(fixtures.objectExists(ancient)).isTrue();
    }

    @Test
    void outputsAreDeletedAfterTheGraceOnlyWhenTheirTaskFailedOrIsGone() {
        TaskRef completed = fixtures.newTask();
        String completedKey = fixtures.complete(completed);
        TaskRef failed = fixtures.newTask();
        String failedKey = fixtures.outputKey(failed);
        fixtures.putObject(failedKey);
        fixtures.failPermanently(failed, "model answered 400");
        TaskRef cancelled = fixtures.newTask();
        String cancelledKey = fixtures.outputKey(cancelled);
        fixtures.putObject(cancelledKey);
        assertThat(recovery.cancel(cancelled)).isTrue();
        TaskRef processing = fixtures.newTask();
        String processingKey = fixtures.outputKey(processing);
        fixtures.putObject(processingKey);
        fixtures.lease(processing, "worker-writing", Duration.ofHours(12));
        TaskRef pending = fixtures.newTask();
        String pendingKey = fixtures.outputKey(pending);
        fixtures.putObject(pendingKey);
        String noTaskKey = fixtures.outputKey(new TaskRef("gone-job", "gone-job-0"));
        fixtures.putObject(noTaskKey);
        String strangeKey = "outputs/" + Fixtures.OWNER + "/notes-" + UUID.randomUUID() + ".txt";
        fixtures.putObject(strangeKey);

        CommandResult withinGrace = reaper.execute("run");
        assertThat(withinGrace.exitCode()).as(withinGrace.out() + withinGrace.err()).isZero();
        assertThat(fixtures.objectExists(failedKey)).isTrue();
        assertThat(fixtures.objectExists(cancelledKey)).isTrue();
        assertThat(fixtures.objectExists(noTaskKey)).isTrue();

        clock.advance(Duration.ofHours(7));
        CommandResult afterGrace = reaper.execute("run");

        assertThat(afterGrace.exitCode()).as(afterGrace.out() + afterGrace.err()).isZero();
        assertThat(fixtures.objectExists(failedKey)).as("output of a FAILED task").isFalse();
        assertThat(fixtures.objectExists(cancelledKey)).as("output of a CANCELLED task").isFalse();
        assertThat(fixtures.objectExists(noTaskKey)).as("output of a task that does not exist").isFalse();
        assertThat(fixtures.objectExists(completedKey)).as("output of a COMPLETED task").isTrue();
        assertThat(fixtures.objectExists(processingKey)).as("output of a PROCESSING task").isTrue();
        assertThat(fixtures.objectExists(pendingKey)).as("output of a PENDING task").isTrue();
        assertThat(fixtures.objectExists(strangeKey)).as("a key outside the scheme").isTrue();
        assertThat(afterGrace.step("orphans", "unrecognizedKeys")).isPositive();
    }
}
