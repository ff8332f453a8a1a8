package dev.sluice.core.invitations;

import static dev.sluice.core.invitations.InvitationKeys.*;

import dev.sluice.core.store.Items;
import dev.sluice.core.store.JobTable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps invitation and delivery-attempt items to the model and back; instants are epoch millis. */
final class InvitationItems {
    static final String INVITATION = "invitation";
    static final String ATTEMPT = "invitation-attempt";

    private InvitationItems() {
    }

    static Map<String, AttributeValue> newInvitation(String id, NewInvitation request, String phoneCiphertext,
                                                     String phoneHash, String code, String jobId, Instant now,
                                                     Instant validUntil, Instant ttl) {
        Map<String, AttributeValue> item = new HashMap<>(InvitationKeys.invitation(id));
        item.put(ENTITY, s(INVITATION));
        item.put(INVITATION_ID, s(id));
        item.put(INVITER_ID, s(request.inviterId()));
        item.put(INVITER_NAME, s(request.inviterName()));
        item.put(PHONE_CIPHERTEXT, s(phoneCiphertext));
        item.put(PHONE_HASH, s(phoneHash));
        item.put(PHONE_MASKED, s(request.phone().masked()));
        item.put(INVITE_CODE, s(code));
        item.put(STATUS, s(InvitationStatus.QUEUED.name()));
        item.put(JOB_ID, s(jobId));
        item.put(CREATED_AT, millis(now));
        item.put(UPDATED_AT, millis(now));
        item.put(VALID_UNTIL, millis(validUntil));
        item.put(ATTEMPT_COUNT, n(0));
        item.put(JobTable.EXPIRES_AT, n(ttl.getEpochSecond()));
        item.put(JobTable.GSI1_PK, s(InvitationKeys.inviterPartition(request.inviterId())));
        item.put(JobTable.GSI1_SK, s(InvitationKeys.inviterSortKey(now, id)));
        return item;
    }

    static Map<String, AttributeValue> attemptItem(String invitationId, DeliveryAttempt attempt, long ttlSeconds) {
        Map<String, AttributeValue> item = new HashMap<>(InvitationKeys.attempt(invitationId, attempt.number()));
        item.put(ENTITY, s(ATTEMPT));
        item.put(INVITATION_ID, s(invitationId));
        item.put(AT, millis(attempt.at()));
        item.put(PROVIDER, s(attempt.provider()));
        item.put(OUTCOME, s(attempt.outcome().name()));
        attempt.providerMessageId().ifPresent(id -> item.put(PROVIDER_MESSAGE_ID, s(id)));
        attempt.error().ifPresent(e -> item.put(ERROR, s(e)));
        item.put(JobTable.EXPIRES_AT, n(ttlSeconds));
        return item;
    }

    static Invitation toInvitation(Map<String, AttributeValue> item, List<DeliveryAttempt> attempts) {
        return new Invitation(
                required(item, INVITATION_ID), required(item, INVITER_ID), required(item, INVITER_NAME),
                required(item, PHONE_CIPHERTEXT), required(item, PHONE_HASH), required(item, PHONE_MASKED),
                required(item, INVITE_CODE), InvitationStatus.valueOf(required(item, STATUS)), required(item, JOB_ID),
                instant(item, CREATED_AT).orElseThrow(), instant(item, UPDATED_AT).orElseThrow(),
                instant(item, VALID_UNTIL).orElseThrow(),
                number(item, SENDING_TOKEN), instant(item, SENDING_SINCE), string(item, PROVIDER),
                string(item, PROVIDER_MESSAGE_ID), instant(item, SENT_AT), instant(item, DELIVERED_AT),
                instant(item, ACCEPTED_AT), string(item, ACCEPTED_BY_HASH), string(item, FAILURE_REASON),
                number(item, ATTEMPT_COUNT).orElse(0L).intValue(), attempts);
    }

    static DeliveryAttempt toAttempt(Map<String, AttributeValue> item) {
        String sk = required(item, JobTable.SK);
        return new DeliveryAttempt(Integer.parseInt(sk.substring(InvitationKeys.ATTEMPT_PREFIX.length())),
                instant(item, AT).orElseThrow(), required(item, PROVIDER),
                AttemptOutcome.valueOf(required(item, OUTCOME)), string(item, PROVIDER_MESSAGE_ID), string(item, ERROR));
    }

    static boolean isInvitation(Map<String, AttributeValue> item) {
        return INVITATION.equals(string(item, ENTITY).orElse(""));
    }

    // The store's typed attribute access, under the names this package uses.
    static AttributeValue s(String value) {
        return Items.s(value);
    }

    static AttributeValue n(long value) {
        return Items.n(value);
    }

    static AttributeValue millis(Instant instant) {
        return Items.millis(instant);
    }

    static Optional<String> string(Map<String, AttributeValue> item, String name) {
        return Items.string(item, name);
    }

    static String required(Map<String, AttributeValue> item, String name) {
        return string(item, name).orElseThrow(() -> new IllegalStateException("invitation item lacks " + name));
    }

    static Optional<Long> number(Map<String, AttributeValue> item, String name) {
        return Items.number(item, name);
    }

    static Optional<Instant> instant(Map<String, AttributeValue> item, String name) {
        return Items.instant(item, name);
    }
}
