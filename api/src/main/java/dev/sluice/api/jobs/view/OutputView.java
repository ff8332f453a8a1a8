package dev.sluice.api.jobs.view;

import java.time.Instant;

/** A completed job's result: where it is, what it is, and a time-limited download URL. */
public record OutputView(String key, String contentType, long sizeBytes, String sha256, String url,
                         Instant urlExpiresAt) {
}
