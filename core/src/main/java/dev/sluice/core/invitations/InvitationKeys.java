package dev.sluice.core.invitations;

import dev.sluice.core.store.JobTable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Keys and attribute names of the invitation items in the job table (docs/architecture.md, key design):
 *
 * <pre>
 * item              pk                                        sk                gsi1pk / gsi1sk
 * invitation        INVITE#{invitationId}                     INVITE            INVITER#{ownerId} / {createdAt 13}#{id}
 * delivery attempt  INVITE#{invitationId}                     ATTEMPT#{nnn}
 * code              INVITECODE#{code}                         INVITECODE
 * provider message  SMSMSG#{provider}#{providerMessageId}     SMSMSG
 * inviter counter   INVLIMIT#inviter#{ownerId}#{yyyy-MM-dd}   INVLIMIT          (UTC day)
 * phone marker      INVLIMIT#phone#{phoneHash}                INVLIMIT
 * referral reward   REFERRAL#{inviterId}                      {invitationId}
 * </pre>
 *
 * {@code INVITER#} never mixes with the jobs' {@code OWNER#} in {@code gsi1}.
 */
public final class InvitationKeys {
    public static final String ENTITY = "entity";
    public static final String INVITATION_ID = "invitationId";
    public static final String INVITER_ID = "inviterId";
    public static final String INVITER_NAME = "inviterName";
    public static final String PHONE_CIPHERTEXT = "phoneCiphertext";
    public static final String PHONE_HASH = "phoneHash";
    public static final String PHONE_MASKED = "phoneMasked";
    public static final String INVITE_CODE = "inviteCode";
    public static final String STATUS = "status";
    public static final String JOB_ID = "jobId";
    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";
    /** Epoch millis: when the invitation stops being acceptable (reads as EXPIRED). Not the TTL. */
    public static final String VALID_UNTIL = "validUntil";
    /** The fencing token of the task lease under which the SMS is being (or was) sent. */
    public static final String SENDING_TOKEN = "sendingToken";
    public static final String SENDING_SINCE = "sendingSince";
    public static final String PROVIDER = "provider";
    public static final String PROVIDER_MESSAGE_ID = "providerMessageId";
    public static final String SENT_AT = "sentAt";
    public static final String DELIVERED_AT = "deliveredAt";
    public static final String ACCEPTED_AT = "acceptedAt";
    /** The accepter's owner hash (HMAC), never the raw owner ID. */
    public static final String ACCEPTED_BY_HASH = "acceptedByHash";
    public static final String FAILURE_REASON = "failureReason";
    /** How many {@code ATTEMPT#} items the invitation has: the next attempt's number minus one. */
    public static final String ATTEMPT_COUNT = "attemptCount";
    public static final String COUNT = "count";
    // delivery attempt
    public static final String AT = "at";
    public static final String OUTCOME = "outcome";
    public static final String ERROR = "error";

    static final String INVITATION_SK = "INVITE";
    static final String ATTEMPT_PREFIX = "ATTEMPT#";

    private InvitationKeys() {
    }

    public static String invitationPk(String invitationId) {
        return "INVITE#" + invitationId;
    }

    public static Map<String, AttributeValue> invitation(String invitationId) {
        return key(invitationPk(invitationId), INVITATION_SK);
    }

    public static Map<String, AttributeValue> attempt(String invitationId, int number) {
        return key(invitationPk(invitationId), String.format("%s%03d", ATTEMPT_PREFIX, number));
    }

    public static Map<String, AttributeValue> code(String code) {
        return key("INVITECODE#" + code, "INVITECODE");
    }

    public static Map<String, AttributeValue> providerMessage(String provider, String providerMessageId) {
        return key("SMSMSG#" + provider + "#" + providerMessageId, "SMSMSG");
    }

    /** The inviter's counter for the UTC day of {@code at}. */
    public static Map<String, AttributeValue> inviterCounter(String ownerId, Instant at) {
        return key("INVLIMIT#inviter#" + ownerId + "#" + LocalDate.ofInstant(at, ZoneOffset.UTC), "INVLIMIT");
    }

    public static Map<String, AttributeValue> phoneMarker(String phoneHash) {
        return key("INVLIMIT#phone#" + phoneHash, "INVLIMIT");
    }

    public static String referralPk(String inviterId) {
        return "REFERRAL#" + inviterId;
    }

    public static Map<String, AttributeValue> referral(String inviterId, String invitationId) {
        return key(referralPk(inviterId), invitationId);
    }

    public static String inviterPartition(String ownerId) {
        return "INVITER#" + ownerId;
    }

    public static String inviterSortKey(Instant createdAt, String invitationId) {
        return String.format("%013d#%s", createdAt.toEpochMilli(), invitationId);
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(JobTable.PK, AttributeValue.fromS(pk), JobTable.SK, AttributeValue.fromS(sk));
    }
}
