package dev.sluice.modelsim;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where the video analysis model reads its input. In production shape that is S3
 * ({@link S3VideoSource}); tests can hand in bytes directly.
 */
@FunctionalInterface
public interface VideoSource {

    /**
     * Opens the object for reading.
     *
     * @return empty when the bucket or object does not exist (the caller's mistake: a permanent
     *         error); an exception for anything that may succeed later (a transient error)
     */
    Optional<InputStream> open(String bucket, String key) throws IOException;
}
