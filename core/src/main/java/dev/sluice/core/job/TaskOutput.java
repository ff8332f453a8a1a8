package dev.sluice.core.job;

/** Where a completed task's result lives in S3 and what it is. */
public record TaskOutput(String key, String contentType, long sizeBytes, String sha256) {
}
