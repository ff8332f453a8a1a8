package dev.sluice.core.invitations;

import static dev.sluice.core.invitations.InvitationItems.millis;
import static dev.sluice.core.invitations.InvitationItems.n;
import static dev.sluice.core.invitations.InvitationItems.s;
import static dev.sluice.core.invitations.InvitationKeys.*;

import dev.sluice.core.erasure.OwnerHash;
import dev.sluice.core.store.JobTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Accepting an invite code: in one transaction the invitation becomes ACCEPTED (only from QUEUED,
 * SENDING, SENT or DELIVERED and before its expiry) and the inviter's {@code REFERRAL#} reward is
 * written (only if new), so the reward exists exactly once however many accepts race. QUEUED and
 * SENDING are accepted too: a code can only be known from the SMS (or from the inviter), so its use
 * proves the invitation arrived, and an ACCEPTED invitation is never sent (markSending refuses it).
 * The accepter is stored as an owner hash (HMAC with the invitations' hash key), never as the raw ID.
 */
final class InvitationAcceptance {
    private static final int MAX_TRIES = 3;

    private final InvitationTable table;
    private final Function<String, Optional<Invitation>> reader;
    private final String hashKey;
    private final Duration rewardRetention;
    private final Clock clock;

    InvitationAcceptance(InvitationTable table, Function<String, Optional<Invitation>> reader, String hashKey,
                         Duration rewardRetention, Clock clock) {
        this.table = table;
        this.reader = reader;
        this.hashKey = hashKey;
        this.rewardRetention = rewardRetention;
        this.clock = clock;
    }

    Acceptance accept(String code, String accepterId) {
        if (!InviteCodes.isWellFormed(code)) {
            return new Acceptance.NotFound();
        }
        Optional<String> id = table.get(InvitationKeys.code(code)).flatMap(item -> InvitationItems.string(item, INVITATION_ID));
        String accepterHash = OwnerHash.of(accepterId, Optional.of(hashKey)).value();
        for (int tries = 0; tries < MAX_TRIES && id.isPresent(); tries++) {
            Optional<Invitation> found = reader.apply(id.get());
            if (found.isEmpty()) {
                break;
            }
            Invitation invitation = found.get();
            Instant now = clock.instant();
            Optional<Acceptance> decided = decide(invitation, accepterId, accepterHash, now);
            if (decided.isPresent()) {
                return decided.get();
            }
            if (table.transact(List.of(accepted(invitation, accepterHash, now),
                    table.putNew(reward(invitation, accepterHash, now)))).isEmpty()) {
                return new Acceptance.Accepted(reader.apply(invitation.invitationId()).orElseThrow(), false);
            }
            // Someone else's write came first (another accept, a status change): judge again on what is there now.
        }
        return new Acceptance.NotFound();
    }

    /** The answer without writing, when the invitation's state already decides it. */
    private static Optional<Acceptance> decide(Invitation invitation, String accepterId, String accepterHash, Instant now) {
        if (invitation.inviterId().equals(accepterId)) {
            return Optional.of(new Acceptance.SelfReferral());
        }
        InvitationStatus status = invitation.statusAt(now);
        if (status == InvitationStatus.ACCEPTED) {
            return Optional.of(invitation.acceptedByHash().filter(accepterHash::equals).isPresent()
                    ? new Acceptance.Accepted(invitation, true) : new Acceptance.AlreadyAccepted());
        }
        if (status == InvitationStatus.EXPIRED) {
            return Optional.of(new Acceptance.Expired());
        }
        if (!status.isAcceptable()) {
            return Optional.of(new Acceptance.NotAcceptable(status));
        }
        return Optional.empty();
    }

    private software.amazon.awssdk.services.dynamodb.model.TransactWriteItem accepted(Invitation invitation,
                                                                                        String accepterHash, Instant now) {
        return table.update(InvitationKeys.invitation(invitation.invitationId()),
                "SET #status = :accepted, #acceptedAt = :now, #acceptedBy = :by, #updatedAt = :now",
                "#status IN (:queued, :sending, :sent, :delivered) AND #validUntil > :now",
                Map.of("#status", STATUS, "#acceptedAt", ACCEPTED_AT, "#acceptedBy", ACCEPTED_BY_HASH,
                        "#updatedAt", UPDATED_AT, "#validUntil", VALID_UNTIL),
                Map.of(":accepted", s(InvitationStatus.ACCEPTED.name()), ":now", millis(now), ":by", s(accepterHash),
                        ":queued", s(InvitationStatus.QUEUED.name()), ":sending", s(InvitationStatus.SENDING.name()),
                        ":sent", s(InvitationStatus.SENT.name()), ":delivered", s(InvitationStatus.DELIVERED.name())));
    }

    private Map<String, AttributeValue> reward(Invitation invitation, String accepterHash, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(InvitationKeys.referral(invitation.inviterId(), invitation.invitationId()));
        item.put(ENTITY, s("referral-reward"));
        item.put(INVITATION_ID, s(invitation.invitationId()));
        item.put(ACCEPTED_AT, millis(now));
        item.put(ACCEPTED_BY_HASH, s(accepterHash));
        item.put(JobTable.EXPIRES_AT, n(now.plus(rewardRetention).getEpochSecond()));
        return item;
    }
}
