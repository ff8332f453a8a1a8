package dev.sluice.core.invitations;

import static dev.sluice.core.invitations.InvitationItems.n;
import static dev.sluice.core.invitations.InvitationItems.s;

import dev.sluice.core.job.JobType;
import dev.sluice.core.job.NewJob;
import dev.sluice.core.store.JobStore;
import dev.sluice.core.store.JobTable;
import dev.sluice.core.store.PreparedJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Creates an invitation in ONE transaction: the invitation (QUEUED), its code (new), the inviter's
 * counter for the UTC day ({@code ADD count 1} while below the limit), the number's 24-hour marker (new
 * or expired) and the {@code sms.invite} job with its task, as {@link JobStore#prepare} writes them.
 * Either all of it exists or none of it, and both limits hold exactly across API replicas because
 * they are conditions of the same write. The failed condition tells the outcome.
 */
final class InvitationCreator {
    static final int MAX_TRIES = 5;
    private static final int INVITATION = 0;
    private static final int CODE = 1;
    private static final int COUNTER = 2;
    private static final int MARKER = 3;

    private final InvitationTable table;
    private final JobStore jobs;
    private final PhoneCipher cipher;
    private final PhoneHasher hasher;
    private final InviteCodes codes;
    private final InvitationPolicy policy;
    private final Clock clock;

    InvitationCreator(InvitationTable table, JobStore jobs, PhoneCipher cipher, PhoneHasher hasher, InviteCodes codes,
                      InvitationPolicy policy, Clock clock) {
        this.table = table;
        this.jobs = jobs;
        this.cipher = cipher;
        this.hasher = hasher;
        this.codes = codes;
        this.policy = policy;
        this.clock = clock;
    }

    InvitationCreation create(NewInvitation request) {
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        String phoneHash = hasher.hash(request.phone());
        String ciphertext = cipher.encrypt(id, request.phone());
        PreparedJob job = jobs.prepare(new NewJob(request.inviterId(), JobType.SMS_INVITE,
                "{\"invitationId\":\"" + id + "\"}", Optional.empty(), JobType.SMS_INVITE.wireName()));
        Instant validUntil = now.plus(policy.expiry());
        Instant ttl = validUntil.plus(policy.retention());
        for (int attempt = 1; attempt <= MAX_TRIES; attempt++) {
            String code = codes.next();
            Map<String, AttributeValue> invitation = InvitationItems.newInvitation(id, request, ciphertext, phoneHash,
                    code, job.job().jobId(), now, validUntil, ttl);
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(table.putNew(invitation));
            writes.add(table.putNew(codeItem(code, id, ttl)));
            writes.add(counter(request.inviterId(), now));
            writes.add(marker(phoneHash, id, request.inviterId(), now));
            writes.addAll(job.writes());
            Optional<InvitationTable.Cancelled> cancelled = table.transact(writes);
            if (cancelled.isEmpty()) {
                return new InvitationCreation.Created(InvitationItems.toInvitation(invitation, List.of()), job.job());
            }
            InvitationTable.Cancelled why = cancelled.get();
            if (why.conditionFailed(MARKER)) {
                Optional<Duration> wait = markerWait(phoneHash, now);
                if (wait.isPresent()) {
                    return new InvitationCreation.Duplicate(wait.get());
                }
                continue; // the marker expired or went away since: try again
            }
            if (why.conditionFailed(COUNTER)) {
                return new InvitationCreation.DailyLimitReached(policy.perInviterPerDay(),
                        InvitationPolicy.untilNextUtcDay(now));
            }
            if (!why.conditionFailed(CODE) && !why.conflict()) {
                throw new IllegalStateException("invitation transaction cancelled: " + why.codes());
            }
            // A code taken by another invitation, or a concurrent transaction on the same items: again,
            // with a new code; a concurrent invitation of the same number then shows up as its marker.
        }
        return new InvitationCreation.Unavailable("no unused invite code in " + MAX_TRIES + " tries");
    }

    private Map<String, AttributeValue> codeItem(String code, String id, Instant ttl) {
        Map<String, AttributeValue> item = new HashMap<>(InvitationKeys.code(code));
        item.put(InvitationKeys.ENTITY, s("invitation-code"));
        item.put(InvitationKeys.INVITATION_ID, s(id));
        item.put(JobTable.EXPIRES_AT, n(ttl.getEpochSecond()));
        return item;
    }

    private TransactWriteItem counter(String inviterId, Instant now) {
        // Kept a day past its own day, so a counter read near midnight never vanishes early.
        long ttl = now.plus(InvitationPolicy.untilNextUtcDay(now)).plus(Duration.ofDays(1)).getEpochSecond();
        return table.update(InvitationKeys.inviterCounter(inviterId, now),
                "SET #entity = :entity, #expiresAt = :ttl ADD #count :one",
                "attribute_not_exists(#count) OR #count < :limit",
                Map.of("#entity", InvitationKeys.ENTITY, "#expiresAt", JobTable.EXPIRES_AT, "#count", InvitationKeys.COUNT),
                Map.of(":entity", s("invitation-counter"), ":ttl", n(ttl), ":one", n(1),
                        ":limit", n(policy.perInviterPerDay())));
    }

    /** New, or replacing one whose {@code expiresAt} has passed though TTL has not deleted it yet. */
    private TransactWriteItem marker(String phoneHash, String id, String inviterId, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(InvitationKeys.phoneMarker(phoneHash));
        item.put(InvitationKeys.ENTITY, s("invitation-phone-marker"));
        item.put(InvitationKeys.INVITATION_ID, s(id));
        item.put(InvitationKeys.INVITER_ID, s(inviterId));
        item.put(JobTable.EXPIRES_AT, n(now.plus(policy.duplicateWindow()).getEpochSecond()));
        return table.put(item, "attribute_not_exists(#pk) OR #expiresAt <= :now",
                Map.of("#pk", JobTable.PK, "#expiresAt", JobTable.EXPIRES_AT), Map.of(":now", n(now.getEpochSecond())));
    }

    /** How long until the number's live marker expires; empty when there is no live marker. */
    private Optional<Duration> markerWait(String phoneHash, Instant now) {
        return table.get(InvitationKeys.phoneMarker(phoneHash))
                .flatMap(item -> InvitationItems.number(item, JobTable.EXPIRES_AT))
                .filter(expiresAt -> expiresAt > now.getEpochSecond())
                .map(expiresAt -> InvitationPolicy.atLeastOneSecond(Duration.between(now, Instant.ofEpochSecond(expiresAt))));
    }
}
