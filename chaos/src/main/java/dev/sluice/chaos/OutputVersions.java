package dev.sluice.chaos;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * Every version of every output object, from ListObjectVersions on the versioned bucket. A plain listing
 * would hide a second write of the same key; the version list does not: two puts are two versions. A
 * delete (the reaper removing a FAILED task's output) is a delete marker on top: the key then has no
 * current object although its version is still listed.
 *
 * @param deletedKeys keys whose latest entry is a delete marker
 */
public record OutputVersions(Map<String, Integer> versionsByKey, Map<String, Integer> deleteMarkersByKey,
                             Set<String> deletedKeys) {

    public static final String PREFIX = "outputs/";

    public static OutputVersions read(S3Client s3, String bucket) {
        Map<String, Integer> versions = new TreeMap<>();
        Map<String, Integer> markers = new TreeMap<>();
        Set<String> deleted = new TreeSet<>();
        for (var page : s3.listObjectVersionsPaginator(b -> b.bucket(bucket).prefix(PREFIX))) {
            for (ObjectVersion version : page.versions()) {
                versions.merge(version.key(), 1, Integer::sum);
            }
            for (DeleteMarkerEntry marker : page.deleteMarkers()) {
                markers.merge(marker.key(), 1, Integer::sum);
                if (Boolean.TRUE.equals(marker.isLatest())) {
                    deleted.add(marker.key());
                }
            }
        }
        return new OutputVersions(versions, markers, deleted);
    }

    /** Keys with a current object (some version, not deleted). */
    public Set<String> currentKeys() {
        Set<String> keys = new TreeSet<>(versionsByKey.keySet());
        keys.removeAll(deletedKeys);
        return keys;
    }

    public int versions(String key) {
        return versionsByKey.getOrDefault(key, 0);
    }

    public int deleteMarkers(String key) {
        return deleteMarkersByKey.getOrDefault(key, 0);
    }

    public int totalVersions() {
        return versionsByKey.values().stream().mapToInt(Integer::intValue).sum();
    }
}
