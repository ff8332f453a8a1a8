package dev.sluice.worker.invitations;

import dev.sluice.core.invitations.Invitation;
import dev.sluice.core.invitations.InvitationCreation;
import dev.sluice.core.invitations.InvitationDelivery;
import dev.sluice.core.invitations.InvitationPolicy;
import dev.sluice.core.invitations.InvitationStore;
import dev.sluice.core.invitations.InviteCodes;
import dev.sluice.core.invitations.NewInvitation;
import dev.sluice.core.invitations.PhoneCheck;
import dev.sluice.core.invitations.PhoneCipher;
import dev.sluice.core.invitations.PhoneNumber;
import dev.sluice.core.invitations.PhoneNumbers;
import dev.sluice.core.invitations.ReferralLinks;
import dev.sluice.core.job.JobType;
import dev.sluice.core.job.Task;
import dev.sluice.core.job.TaskRef;
import dev.sluice.core.message.TaskMessage;
import dev.sluice.core.message.TaskMessageCodec;
import dev.sluice.core.store.JobStore;
import dev.sluice.devstack.DevStack;
import dev.sluice.devstack.InvitationsKey;
import dev.sluice.worker.Tasks;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Invitations made the way the API makes them (core's store, the number encrypted with the local stack's
 * KMS key), each by an inviter of its own to a number not used before, and their task messages.
 */
@ApplicationScoped
class InvitationTasks {
    static final Duration TIMEOUT = Duration.ofSeconds(40);
    private static final InvitationPolicy POLICY = new InvitationPolicy(10, InvitationPolicy.DEFAULT_DUPLICATE_WINDOW,
            Duration.ofDays(30), Duration.ofDays(1));

    private final InvitationStore store;
    private final JobStore jobs;
    private final ReferralLinks links;

    /** {@code kms} and {@code jobs}: the worker's own beans, so the test writes what the API would. */
    InvitationTasks(KmsClient kms, JobStore jobs, InvitationsConfig config) {
        DevStack stack = DevStack.shared();
        this.jobs = jobs;
        this.links = new ReferralLinks(config.referralBaseUrl());
        this.store = new InvitationStore(stack.clients().dynamo(), stack.resources().table(), jobs,
                new PhoneCipher(kms, InvitationsKey.ALIAS), "worker-test-phone-hash-key", new InviteCodes(), POLICY,
                Clock.systemUTC());
    }

    /** A QUEUED invitation and its task, whose message is not sent yet. */
    record Created(Invitation invitation, TaskRef task, String phone, String referralUrl, String message) {
        String id() {
            return invitation.invitationId();
        }
    }

    Created create(String inviterName) {
        String inviter = "invite-test-" + UUID.randomUUID();
        PhoneNumber phone = freshNumber();
        InvitationCreation creation = store.create(new NewInvitation(inviter, inviterName, phone));
        if (!(creation instanceof InvitationCreation.Created created)) {
            throw new AssertionError("not created: " + creation);
        }
        TaskRef ref = created.job().tasks().get(0).ref();
        String message = TaskMessageCodec.encode(TaskMessage.of(ref, JobType.SMS_INVITE, inviter, Instant.now()));
        return new Created(created.invitation(), ref, phone.e164(), links.of(created.invitation().inviteCode()), message);
    }

    /** Sends the task's message, as the API does after creating the invitation (again: a duplicate delivery). */
    void queue(Created invitation) {
        Tasks.send(invitation.message());
    }

    Task awaitFinished(Created invitation) {
        return Tasks.awaitTask(jobs, invitation.task(), TIMEOUT, t -> t.status().isTerminal());
    }

    Invitation find(Created invitation) {
        return store.find(invitation.id()).orElseThrow();
    }

    Task task(Created invitation) {
        return jobs.findTask(invitation.task()).orElseThrow();
    }

    InvitationDelivery delivery() {
        return store.delivery();
    }

    /** A valid US number, new to this run with high probability (the duplicate marker lasts 24 hours). */
    private static PhoneNumber freshNumber() {
        String[] areas = {"201", "202", "212", "305", "312", "415", "503", "617", "702", "713"};
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String text = "+1" + areas[random.nextInt(areas.length)] + (200 + random.nextInt(800))
                + String.format("%04d", random.nextInt(10000));
        return PhoneNumbers.check(text) instanceof PhoneCheck.Valid valid ? valid.number() : freshNumber();
    }
}
