package dev.sluice.bench.drain;

import dev.sluice.core.keys.ObjectKeys;
import software.amazon.awssdk.services.s3.S3Client;

/** How many outputs a batch left in S3: every object under its owner's output prefix. */
public final class OutputCount {
    private final S3Client s3;
    private final String bucket;

    public OutputCount(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public long of(String ownerId) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(ObjectKeys.outputPrefix(ownerId)))
                .stream().mapToLong(page -> page.keyCount() == null ? page.contents().size() : page.keyCount())
                .sum();
    }
}
