package dev.sluice.api.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The API's settings. Every value has a production default; AWS endpoints are deliberately absent:
 * they come from {@code quarkus.<service>.endpoint-override} or the SDK's {@code AWS_ENDPOINT_URL_<SERVICE>}
 * variables, so the same build runs against AWS, LocalStack or moto. The one exception is the Secrets
 * Manager client, which no extension builds: {@link Api.Keys#endpointOverride()} stands in for its
 * {@code quarkus.*.endpoint-override}.
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

    DeadLetterQueue dlq();

    Api api();

    Monitor monitor();

    Uploads uploads();

    Retention retention();

    Limits limits();

    interface Queue {
        /** Full queue URL; when absent the URL is looked up once from {@link #name()}. */
        Optional<String> url();

        @WithDefault("sluice-tasks")
        String name();
    }

    interface DeadLetterQueue {
        /** Full DLQ URL; when absent it is found through the task queue's redrive policy. */
        Optional<String> url();
    }

    /** The periodic read of queue depths and the reaper's record, exported as gauges. */
    interface Monitor {
        /** Off on all but a few replicas if many API pods make too many reads; every replica reads by default. */
        @WithDefault("true")
        boolean enabled();

        /** How often; each read is one call per queue, one query per index shard and one item read. */
        @WithDefault("30s")
        Duration interval();
    }

    /** Presigned upload URLs handed out by {@code POST /v1/uploads}. */
    interface Uploads {
        /** Largest accepted upload in bytes (2 GiB); the size is signed into the URL, so S3 enforces it. */
        @WithDefault("2147483648")
        long maxSizeBytes();

        /** Lifetime of a presigned upload URL. */
        @WithDefault("15m")
        Duration ttl();

        /**
         * KMS key (ID, ARN or alias ARN) uploads are encrypted with ({@code aws:kms}); when absent they are
         * still {@code aws:kms}, with the bucket's default key (or S3's AWS managed key {@code aws/s3}).
         */
        Optional<String> kmsKeyId();
    }

    /** How long the table keeps what a job leaves (DynamoDB TTL on {@code expiresAt}). */
    interface Retention {
        /**
         * Jobs, their tasks and their object references expire this long after the job was created,
         * whatever their state; DynamoDB deletes them within days after that. Outputs and uploads in S3
         * need the bucket's lifecycle rule to match (see docs/architecture.md).
         */
        @WithDefault("90d")
        Duration jobs();
    }

    interface Api {
        /**
         * How long an API key lookup is cached per pod: a revoked key keeps working at most this long
         * (also a lookup of an unknown key ID, so a new key can take as long once probed before it existed).
         */
        @WithDefault("30s")
        Duration keyCacheTtl();

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

        /** Where API keys come from besides the job table. */
        Keys keys();

        /** A Secrets Manager secret as a second source of API keys (docs/runbook.md#api-keys). */
        interface Keys {
            /**
             * ID or ARN of the secret whose SecretString lists hashed key records; read whole at most once per
             * {@link Api#keyCacheTtl()} and searched before the job table. Absent (the default): the table is
             * the only source and no Secrets Manager client is built.
             */
            Optional<String> secretId();

            /**
             * Points the Secrets Manager client elsewhere; when absent the SDK's AWS_ENDPOINT_URL_SECRETS_MANAGER
             * or AWS_ENDPOINT_URL, else AWS.
             */
            Optional<URI> endpointOverride();

            /**
             * Upper bound of one read of the secret, retries included; the request that triggers a refresh
             * waits at most this long, then the last good copy answers.
             */
            @WithDefault("5s")
            Duration callTimeout();
        }
    }

    /** Limits on what one client may ask of the API (docs/architecture.md#limits). */
    interface Limits {
        Rate rate();

        /**
         * Most unfinished (PENDING or PROCESSING) jobs one owner may have; a submission beyond it answers
         * 429. The count is eventually consistent, so a burst of concurrent submissions can overshoot it a little.
         */
        @WithDefault("100")
        int activeJobs();

        /** Retry-After sent with the active-jobs 429: roughly how long a job takes to finish. */
        @WithDefault("30s")
        Duration activeJobsRetryAfter();

        /** Requests per API key, counted in DynamoDB so the limit holds across all API replicas. */
        interface Rate {
            /** Off: requests are neither counted nor refused, and no RateLimit headers are sent. */
            @WithDefault("true")
            boolean enabled();

            /** Requests one API key may make per window, all routes and replicas together. */
            @WithDefault("600")
            int requests();

            /** The fixed window the requests are counted in; whole seconds, aligned to the epoch. */
            @WithDefault("1m")
            Duration window();
        }
    }
}
