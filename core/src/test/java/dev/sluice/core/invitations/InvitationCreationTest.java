package dev.sluice.core.invitations;

import static dev.sluice.core.invitations.InvitationFixture.created;
import static dev.sluice.core.invitations.InvitationFixture.freshNumber;
import static dev.sluice.core.invitations.InvitationFixture.invite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.job.Job;
import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.JobType;
import dev.sluice.core.store.JobTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;

class InvitationCreationTest {
    private static final InvitationFixture fx = new InvitationFixture();
    private static final InvitationStore store = fx.store();

    @AfterAll
    static void close() {
        fx.table.dynamo().close();
        fx.kms.client().close();
    }

    private static String inviter() {
        return "inviter-" + UUID.randomUUID();
    }

    @Test
    void createsInvitationCodeLimitsAndTheSmsInviteJobTogether() {
        String inviter = inviter();
        PhoneNumber number = freshNumber();
        InvitationCreation creation = store.create(invite(inviter, number));

        Invitation invitation = created(creation);
        Job job = ((InvitationCreation.Created) creation).job();
        assertThat(invitation.status()).isEqualTo(InvitationStatus.QUEUED);
        assertThat(invitation.inviteCode()).matches(InviteCodes.FORMAT);
        assertThat(invitation.phoneMasked()).isEqualTo(number.masked());
        assertThat(invitation.phoneHash()).hasSize(64).isEqualTo(new PhoneHasher(InvitationFixture.HASH_KEY).hash(number));
        assertThat(invitation.validUntil()).isEqualTo(fx.clock.instant().plus(Duration.ofDays(30)));
        assertThat(store.find(invitation.invitationId())).contains(invitation);

        assertThat(job.type()).isEqualTo(JobType.SMS_INVITE);
        assertThat(job.input()).isEqualTo("{\"invitationId\":\"" + invitation.invitationId() + "\"}");
        assertThat(job.ownerId()).isEqualTo(inviter);
        assertThat(fx.jobs.find(job.jobId()).orElseThrow().status()).isEqualTo(JobStatus.PENDING);
        assertThat(invitation.jobId()).isEqualTo(job.jobId());

        assertThat(fx.item(InvitationKeys.code(invitation.inviteCode())).orElseThrow().get("invitationId").s())
                .isEqualTo(invitation.invitationId());
        assertThat(fx.item(InvitationKeys.inviterCounter(inviter, fx.clock.instant())).orElseThrow().get("count").n()).isEqualTo("1");
        var marker = fx.item(InvitationKeys.phoneMarker(invitation.phoneHash())).orElseThrow();
        assertThat(marker.get(JobTable.EXPIRES_AT).n()).isEqualTo(Long.toString(fx.clock.instant().plus(Duration.ofHours(24)).getEpochSecond()));
        var item = fx.item(InvitationKeys.invitation(invitation.invitationId())).orElseThrow();
        assertThat(item.toString()).doesNotContain(number.e164().substring(1));
        assertThat(item.get(JobTable.GSI1_PK).s()).isEqualTo("INVITER#" + inviter);
    }

    @Test
    void theNumberIsEncryptedForTheInvitationOnly() {
        PhoneNumber number = freshNumber();
        Invitation invitation = created(store.create(invite(inviter(), number)));

        assertThat(fx.cipher.decrypt(invitation.invitationId(), invitation.phoneCiphertext())).isEqualTo(number.e164());
        assertThatThrownBy(() -> fx.cipher.decrypt("another-invitation", invitation.phoneCiphertext()))
                .isInstanceOf(InvalidCiphertextException.class);
    }

    @Test
    void theSameNumberWithin24HoursIsADuplicateForAnyInviter() {
        PhoneNumber number = freshNumber();
        String first = inviter();
        created(store.create(invite(first, number)));
        fx.clock.advance(Duration.ofHours(1));
        try {
            InvitationCreation again = store.create(invite(first, number));
            InvitationCreation other = store.create(invite(inviter(), number));

            assertThat(again).isInstanceOf(InvitationCreation.Duplicate.class);
            assertThat(((InvitationCreation.Duplicate) again).retryAfter()).isEqualTo(Duration.ofHours(23));
            assertThat(other).isInstanceOf(InvitationCreation.Duplicate.class);
            assertThat(fx.item(InvitationKeys.inviterCounter(first, fx.clock.instant())).orElseThrow().get("count").n())
                    .as("a refused invitation is not counted").isEqualTo("1");
        } finally {
            fx.clock.advance(Duration.ofHours(-1));
        }
    }

    @Test
    void aMarkerJustExpiredCountsAsAbsentBeforeTtlDeletesIt() {
        PhoneNumber number = freshNumber();
        created(store.create(invite(inviter(), number)));
        fx.clock.advance(Duration.ofHours(24).minusSeconds(1));
        try {
            assertThat(store.create(invite(inviter(), number))).isInstanceOf(InvitationCreation.Duplicate.class);
            assertThat(((InvitationCreation.Duplicate) store.create(invite(inviter(), number))).retryAfter())
                    .isEqualTo(Duration.ofSeconds(1));
            fx.clock.advance(Duration.ofSeconds(1));
            assertThat(store.create(invite(inviter(), number))).isInstanceOf(InvitationCreation.Created.class);
        } finally {
            fx.clock.advance(Duration.ofHours(-24));
        }
    }

    @Test
    void theTenthInvitationOfTheDayIsAllowedAndTheEleventhRefusedUntilUtcMidnight() {
        String inviter = inviter();
        for (int i = 1; i <= 10; i++) {
            assertThat(store.create(invite(inviter, freshNumber()))).as("invitation %d", i)
                    .isInstanceOf(InvitationCreation.Created.class);
        }
        InvitationCreation eleventh = store.create(invite(inviter, freshNumber()));

        assertThat(eleventh).isInstanceOf(InvitationCreation.DailyLimitReached.class);
        // The clock stands at 12:00 UTC: the day's counter restarts in 12 hours.
        assertThat(((InvitationCreation.DailyLimitReached) eleventh).retryAfter()).isEqualTo(Duration.ofHours(12));
        assertThat(((InvitationCreation.DailyLimitReached) eleventh).limit()).isEqualTo(10);
        assertThat(store.listByInviter(inviter, 100)).hasSize(10);

        fx.clock.advance(Duration.ofHours(12));
        try {
            assertThat(store.create(invite(inviter, freshNumber()))).as("a new UTC day")
                    .isInstanceOf(InvitationCreation.Created.class);
        } finally {
            fx.clock.advance(Duration.ofHours(-12));
        }
    }

    @Test
    void aCodeCollisionIsRetriedWithANewCode() {
        Invitation first = created(fx.store(InvitationFixture.scripted("ABCDEF")).create(invite(inviter(), freshNumber())));
        assertThat(first.inviteCode()).isEqualTo("APP-ABCDEF");

        Invitation second = created(fx.store(InvitationFixture.scripted("ABCDEF", "ABCDEF", "GHJKMN"))
                .create(invite(inviter(), freshNumber())));

        assertThat(second.inviteCode()).isEqualTo("APP-GHJKMN");
        assertThat(fx.item(InvitationKeys.code("APP-ABCDEF")).orElseThrow().get("invitationId").s())
                .isEqualTo(first.invitationId());
    }

    @Test
    void givesUpAfterFiveCollisions() {
        created(fx.store(InvitationFixture.scripted("PQRSTU")).create(invite(inviter(), freshNumber())));
        String inviter = inviter();
        InvitationCreation creation = fx.store(InvitationFixture.scripted("PQRSTU".repeat(5)))
                .create(invite(inviter, freshNumber()));

        assertThat(creation).isInstanceOf(InvitationCreation.Unavailable.class);
        assertThat(store.listByInviter(inviter, 10)).isEmpty();
    }

    @Test
    void twoInvitersInvitingTheSameNumberConcurrentlyCreateExactlyOne() throws Exception {
        for (int round = 0; round < 3; round++) {
            PhoneNumber number = freshNumber();
            int threads = 4;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<InvitationCreation>> results = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    String inviter = inviter();
                    Callable<InvitationCreation> call = () -> {
                        start.await();
                        return store.create(invite(inviter, number));
                    };
                    results.add(pool.submit(call));
                }
                start.countDown();
                List<InvitationCreation> outcomes = new ArrayList<>();
                for (Future<InvitationCreation> result : results) {
                    outcomes.add(result.get());
                }
                assertThat(outcomes).filteredOn(o -> o instanceof InvitationCreation.Created).hasSize(1);
                assertThat(outcomes).filteredOn(o -> o instanceof InvitationCreation.Duplicate).hasSize(threads - 1);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
