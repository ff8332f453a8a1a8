package dev.sluice.modelsim;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Runs the simulated models on a parsed request. */
final class InferenceEngine {

    private final VideoSource videos;
    private final String region;

    InferenceEngine(VideoSource videos, String region) {
        this.videos = videos;
        this.region = region;
    }

    Reply run(String endpoint, ModelRequest request) {
        // Java 17 has no pattern matching in switch; the sealed interface keeps this list complete.
        if (request instanceof ModelRequest.ImageRequest image) {
            return new Reply.Output("image/png", ImageRenderer.renderPng(image.prompt(), image.width(), image.height()));
        }
        return analyze(endpoint, (ModelRequest.VideoRequest) request);
    }

    private Reply analyze(String endpoint, ModelRequest.VideoRequest video) {
        VideoAnalysis analysis;
        try {
            Optional<InputStream> object = videos.open(video.bucket(), video.videoKey());
            if (object.isEmpty()) {
                return modelError(FailureKind.MODEL_4XX, endpoint,
                        "Video s3://" + video.bucket() + "/" + video.videoKey() + " does not exist");
            }
            try (InputStream in = object.get()) {
                analysis = VideoAnalyzer.analyze(in);
            }
        } catch (IOException | RuntimeException e) {
            // A model container that cannot reach its input store answers 500: worth retrying.
            return modelError(FailureKind.MODEL_5XX, endpoint, "Could not read video s3://" + video.bucket() + "/"
                    + video.videoKey() + ": " + e);
        }
        try {
            return new Reply.Output("application/json", Json.MAPPER.writeValueAsBytes(analysis));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("analysis records always serialize", e);
        }
    }

    Reply.Failure injected(FailureKind kind, String endpoint) {
        return modelError(kind, endpoint, "Simulated " + kind.id() + " failure");
    }

    private Reply.Failure modelError(FailureKind kind, String endpoint, String message) {
        return new Reply.Failure(SageMakerError.forKind(kind, endpoint, region, message), kind.id());
    }
}
