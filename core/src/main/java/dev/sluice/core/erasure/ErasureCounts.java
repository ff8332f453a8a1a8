package dev.sluice.core.erasure;

import dev.sluice.core.invitations.OwnerInvitations;
import dev.sluice.core.store.OwnerItems;

/**
 * What an erasure deleted: DynamoDB items by kind, S3 objects (keys that had a current version) and
 * S3 versions (every version and delete marker removed, the current ones included). Invitations:
 * {@code invitations} counts invitation items, {@code invitationRecords} their other items (delivery
 * attempts, codes, provider messages, phone markers, daily counters), {@code referrals} the owner's
 * referral rewards.
 */
public record ErasureCounts(long jobs, long tasks, long idempotencyRecords, long objectReferences, long objects,
                            long versions, long invitations, long invitationRecords, long referrals) {
    public static final ErasureCounts NONE = new ErasureCounts(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public ErasureCounts(long jobs, long tasks, long idempotencyRecords, long objectReferences, long objects,
                         long versions) {
        this(jobs, tasks, idempotencyRecords, objectReferences, objects, versions, 0, 0, 0);
    }

    public static ErasureCounts of(OwnerItems.Deleted deleted) {
        return new ErasureCounts(deleted.jobs(), deleted.tasks(), deleted.idempotencyRecords(),
                deleted.objectReferences(), 0, 0);
    }

    public static ErasureCounts of(OwnerInvitations.Deleted deleted) {
        return new ErasureCounts(0, 0, 0, 0, 0, 0, deleted.invitations(), deleted.records(), deleted.referrals());
    }

    public static ErasureCounts ofObjects(long objects, long versions) {
        return new ErasureCounts(0, 0, 0, 0, objects, versions);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }
}
