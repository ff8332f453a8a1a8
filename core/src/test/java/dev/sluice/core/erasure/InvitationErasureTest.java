package dev.sluice.core.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.MotoBucket;
import dev.sluice.core.MotoKms;
import dev.sluice.core.MotoTable;
import dev.sluice.core.MutableClock;
import dev.sluice.core.invitations.AttemptOutcome;
import dev.sluice.core.invitations.DeliveryAttempt;
import dev.sluice.core.invitations.Invitation;
import dev.sluice.core.invitations.InvitationCreation;
import dev.sluice.core.invitations.InvitationKeys;
import dev.sluice.core.invitations.InvitationPolicy;
import dev.sluice.core.invitations.InvitationStore;
import dev.sluice.core.invitations.InviteCodes;
import dev.sluice.core.invitations.NewInvitation;
import dev.sluice.core.invitations.PhoneCheck;
import dev.sluice.core.invitations.PhoneCipher;
import dev.sluice.core.invitations.PhoneNumbers;
import dev.sluice.core.job.Job;
import dev.sluice.core.job.JobType;
import dev.sluice.core.job.NewJob;
import dev.sluice.core.lease.LeaseRecovery;
import dev.sluice.core.store.JobCreation;
import dev.sluice.core.store.JobStore;
import dev.sluice.core.store.OwnerItems;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Erasing an owner also erases the invitations they sent and the rewards they earned, and nothing of others. */
class InvitationErasureTest {
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private static MotoTable table;
    private static MotoKms kms;
    private static JobStore jobs;
    private static InvitationStore invitations;
    private static OwnerErasure erasure;

    @BeforeAll
    static void setUp() {
        table = MotoTable.create();
        kms = MotoKms.create();
        MotoBucket bucket = MotoBucket.createVersioned();
        jobs = new JobStore(table.dynamo(), table.name(), Duration.ofHours(24), clock);
        invitations = new InvitationStore(table.dynamo(), table.name(), jobs, new PhoneCipher(kms.client(), kms.keyId()),
                "key", new InviteCodes(), new InvitationPolicy(10, Duration.ofHours(24), Duration.ofDays(30),
                Duration.ofDays(90)), clock);
        // The six-argument constructor, as the worker builds it: invitations come from the same table.
        erasure = new OwnerErasure(jobs, new OwnerItems(table.dynamo(), table.name()),
                new LeaseRecovery(table.dynamo(), table.name(), clock), new OwnerObjects(bucket.s3(), bucket.name()),
                new ErasureAudit(table.dynamo(), table.name(), Duration.ofDays(1), clock), Optional.of("pepper"));
    }

    @AfterAll
    static void tearDown() {
        table.dynamo().close();
        kms.client().close();
    }

    private static Invitation invite(String inviter, String number) {
        var phone = ((PhoneCheck.Valid) PhoneNumbers.check(number)).number();
        return ((InvitationCreation.Created) invitations.create(new NewInvitation(inviter, "Ana", phone))).invitation();
    }

    @Test
    void erasesInvitationsTheirRecordsAndRewardsOfTheOwnerOnly() {
        String a = "owner-a-" + UUID.randomUUID();
        String b = "owner-b-" + UUID.randomUUID();
        Invitation sent = invite(a, "+14155550101");
        invitations.delivery().markSending(sent.invitationId(), 1);
        invitations.delivery().markSent(sent.invitationId(), 1, "twilio", "SM-a", DeliveryAttempt.of(clock.instant(), "twilio",
                AttemptOutcome.SENT, Optional.of("SM-a"), Optional.empty()));
        Invitation accepted = invite(a, "+14155550102");
        invitations.accept(accepted.inviteCode(), b);
        Invitation ofB = invite(b, "+14155550103");
        Job erasureOfA = ((JobCreation.Created) jobs.create(new NewJob(a, JobType.DATA_ERASURE, "{}", Optional.empty(),
                "erase"))).job();

        ErasureSummary summary = erasure.erase(erasureOfA, () -> false).orElseThrow();

        // 2 invitations; records: 1 attempt + 2 codes + 1 provider message + 2 markers + 1 counter; 1 reward.
        assertThat(summary.counts().invitations()).isEqualTo(2);
        assertThat(summary.counts().invitationRecords()).isEqualTo(7);
        assertThat(summary.counts().referrals()).isEqualTo(1);
        assertThat(summary.counts().jobs()).as("their sms.invite jobs are the owner's jobs").isEqualTo(2);
        assertThat(new String(summary.toJson())).contains("\"invitations\":2").contains("\"referrals\":1");
        for (Invitation gone : new Invitation[] {sent, accepted}) {
            assertThat(invitations.find(gone.invitationId())).isEmpty();
            assertThat(item(InvitationKeys.code(gone.inviteCode()))).isEmpty();
            assertThat(item(InvitationKeys.phoneMarker(gone.phoneHash()))).isEmpty();
            assertThat(jobs.find(gone.jobId())).isEmpty();
        }
        assertThat(item(InvitationKeys.providerMessage("twilio", "SM-a"))).isEmpty();
        assertThat(item(InvitationKeys.inviterCounter(a, clock.instant()))).isEmpty();
        assertThat(item(InvitationKeys.referral(a, accepted.invitationId()))).isEmpty();
        assertThat(invitations.listByInviter(a, 10)).isEmpty();

        assertThat(invitations.find(ofB.invitationId())).isPresent();
        assertThat(item(InvitationKeys.code(ofB.inviteCode()))).isPresent();
        assertThat(item(InvitationKeys.inviterCounter(b, clock.instant()))).isPresent();

        ErasureSummary again = erasure.erase(erasureOfA, () -> false).orElseThrow();
        assertThat(again.counts()).as("a repeated erasure counts nothing twice").isEqualTo(summary.counts());
    }

    private static Optional<Map<String, AttributeValue>> item(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = table.dynamo()
                .getItem(r -> r.tableName(table.name()).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }
}
