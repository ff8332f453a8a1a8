package dev.sluice.api.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The API's settings. Every value has a production default; AWS endpoints are deliberately absent:
 * they come from {@code quarkus.<service>.endpoint-override} or the SDK's {@code AWS_ENDPOINT_URL_<SERVICE>}
 * variables, so the same build runs against AWS, LocalStack or moto.
 */
@ConfigMapping(prefix = "sluice")
public interface SluiceConfig {

    /** DynamoDB table holding jobs, tasks and idempotency records. */
    @WithDefault("sluice-jobs")
    String table();

    /** S3 bucket holding uploads (inputs) and outputs. */
    @WithDefault("sluice-data")
    String bucket();

    Queue queue();

    Api api();

    interface Queue {
        /** Full queue URL; when absent the URL is looked up once from {@link #name()}. */
        Optional<String> url();

        @WithDefault("sluice-tasks")
        String name();
    }

    interface Api {
        /** Owner of every job until authentication lands; must be a safe S3 key segment. */
        @WithDefault("local")
        String ownerId();

        /** How long an Idempotency-Key keeps answering with its job. */
        @WithDefault("24h")
        Duration idempotencyTtl();

        /** Lifetime of the presigned output download URLs. */
        @WithDefault("15m")
        Duration presignTtl();

        /** Longest accepted image-generation prompt, in Unicode code points. */
        @WithDefault("2000")
        int maxPromptLength();

        /** Largest accepted image width or height; both must also be multiples of 64. */
        @WithDefault("1024")
        int maxImageSize();

        /** Retry-After seconds sent with 503 and 409 answers. */
        @WithDefault("2")
        int retryAfterSeconds();
    }
}
