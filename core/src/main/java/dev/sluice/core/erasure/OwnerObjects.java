package dev.sluice.core.erasure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * Deletes every object under a prefix for good: each version and each delete marker by its version
 * ID, since a plain delete in a versioned bucket only adds a marker and keeps the data. Listing goes
 * by key and version markers, so deleting what was listed does not disturb the pages that follow.
 */
public final class OwnerObjects {
    private final S3Client s3;
    private final String bucket;

    public OwnerObjects(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /**
     * Erases every key under {@code prefix} that {@code keep} does not hold on to. Before a page of keys
     * goes, {@code beforeDelete} gets them (to drop what refers to them first); after it,
     * {@code progress} gets what was deleted. Stops between pages once {@code stop} says so.
     */
    public void erase(String prefix, Predicate<String> keep, BooleanSupplier stop, Consumer<Set<String>> beforeDelete,
                      Consumer<ErasureCounts> progress) {
        for (ListObjectVersionsResponse page : s3.listObjectVersionsPaginator(b -> b.bucket(bucket).prefix(prefix))) {
            if (stop.getAsBoolean()) {
                return;
            }
            List<ObjectIdentifier> doomed = new ArrayList<>();
            Set<String> keys = new LinkedHashSet<>();
            long current = 0;
            for (var version : page.versions()) {
                if (!keep.test(version.key())) {
                    doomed.add(ObjectIdentifier.builder().key(version.key()).versionId(version.versionId()).build());
                    keys.add(version.key());
                    current += Boolean.TRUE.equals(version.isLatest()) ? 1 : 0;
                }
            }
            for (var marker : page.deleteMarkers()) {
                if (!keep.test(marker.key())) {
                    doomed.add(ObjectIdentifier.builder().key(marker.key()).versionId(marker.versionId()).build());
                    keys.add(marker.key());
                }
            }
            if (doomed.isEmpty()) {
                continue;
            }
            beforeDelete.accept(keys);
            // A page holds at most 1000 entries, which is also DeleteObjects' limit.
            DeleteObjectsResponse response = s3.deleteObjects(b -> b.bucket(bucket)
                    .delete(Delete.builder().objects(doomed).quiet(false).build()));
            if (response.hasErrors() && !response.errors().isEmpty()) {
                var first = response.errors().get(0);
                // Retried by the task's next attempt; what was deleted now is not listed again.
                progress.accept(ErasureCounts.ofObjects(current, response.deleted().size()));
                throw new IllegalStateException(response.errors().size() + " object versions not deleted, first: "
                        + first.code() + " " + first.message());
            }
            progress.accept(ErasureCounts.ofObjects(current, response.deleted().size()));
        }
    }
}
