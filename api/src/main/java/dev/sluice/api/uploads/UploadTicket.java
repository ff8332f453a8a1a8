package dev.sluice.api.uploads;

import java.time.Instant;
import java.util.Map;

/**
 * The answer to {@code POST /v1/uploads}: where to PUT the video and with which headers. Every header
 * in {@code headers} is part of the signature and must be sent exactly as given (HTTP clients set
 * {@code content-length} themselves from the body; it must equal the announced size). {@code key} is
 * what a video-analysis job then names in {@code videos}.
 */
public record UploadTicket(String key, String url, String method, Map<String, String> headers, Instant expiresAt) {
}
