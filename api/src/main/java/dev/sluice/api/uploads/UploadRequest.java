package dev.sluice.api.uploads;

import java.util.Optional;

/** A validated {@code POST /v1/uploads} body: an allowed video type, its exact size and an optional file name. */
public record UploadRequest(String contentType, long sizeBytes, Optional<String> fileName) {
}
