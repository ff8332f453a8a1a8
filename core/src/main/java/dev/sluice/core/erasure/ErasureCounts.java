package dev.sluice.core.erasure;

import dev.sluice.core.store.OwnerItems;

/**
 * What an erasure deleted: DynamoDB items by kind, S3 objects (keys that had a current version) and
 * S3 versions (every version and delete marker removed, the current ones included).
 */
public record ErasureCounts(long jobs, long tasks, long idempotencyRecords, long objectReferences, long objects,
                            long versions) {
    public static final ErasureCounts NONE = new ErasureCounts(0, 0, 0, 0, 0, 0);

    public static ErasureCounts of(OwnerItems.Deleted deleted) {
        return new ErasureCounts(deleted.jobs(), deleted.tasks(), deleted.idempotencyRecords(),
                deleted.objectReferences(), 0, 0);
    }

    public static ErasureCounts ofObjects(long objects, long versions) {
        return new ErasureCounts(0, 0, 0, 0, objects, versions);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }
}
