package dev.sluice.worker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Worker settings; every value has a default that suits production, tests shorten the durations. */
@ConfigMapping(prefix = "sluice")
public interface WorkerConfig {

    /** DynamoDB table holding jobs, tasks and leases. */
    @WithDefault("sluice-jobs")
    String table();

    /** S3 bucket for uploads and outputs. */
    @WithDefault("sluice-data")
    String bucket();

    Queue queue();

    Worker worker();

    Model model();

    Retention retention();

    Erasure erasure();

    interface Retention {
        /**
         * How long the audit record of an erasure is kept (DynamoDB TTL), counted from the erasure
         * request: long enough to show that a request was honoured, no longer.
         */
        @WithDefault("1095d")
        Duration erasureAudit();
    }

    /** The erasure task (DELETE /v1/me/data). */
    interface Erasure {
        /**
         * Secret that makes the audit record's owner hash an HMAC-SHA256, so nobody without it can link
         * a record to an owner ID by hashing guesses. Set it from a Kubernetes secret; it must stay the
         * same for audit lookups to work. Absent: plain SHA-256 of the owner ID.
         */
        Optional<String> ownerHashPepper();
    }

    interface Queue {
        /** Full queue URL; when absent the URL is looked up once from {@link #name()}. */
        Optional<String> url();

        @WithDefault("sluice-tasks")
        String name();
    }

    interface Worker {
        /** Lease owner identity; defaults to HOSTNAME (the pod name in Kubernetes). */
        Optional<String> id();

        /** Tasks processed at once; the poller never asks SQS for more messages than free slots. */
        @WithDefault("4")
        int concurrency();

        /** How long a lease (and the message's invisibility) lasts without a heartbeat. */
        @WithDefault("30s")
        Duration leaseTtl();

        /** SQS long-poll wait; 20 s is the maximum SQS allows and the cheapest. */
        @WithDefault("20s")
        Duration waitTime();

        /**
         * How long shutdown (SIGTERM) waits for running tasks to finish; their heartbeats go on
         * meanwhile. Tasks still running then are cancelled and handed back to the queue at once
         * (see {@link #maxShutdownReleases()}), which they get up to 10 s for. Kubernetes'
         * terminationGracePeriodSeconds must exceed this plus those 10 s, or the hand-back is killed
         * and the tasks wait for their leases to expire instead.
         */
        @WithDefault("30s")
        Duration drainTimeout();

        /**
         * How many times a task may be handed back at shutdown with the attempt it took given back.
         * Past that a shutdown hand-back counts as an attempt like any other, so a deployment that
         * keeps restarting cannot bounce one task forever without it ever reaching the DLQ.
         */
        @WithDefault("3")
        int maxShutdownReleases();

        /**
         * Longest one attempt of a task may run. SQS keeps a received message hidden for at most 12 hours,
         * so this must not exceed 12h minus {@link #leaseTtl()} (checked at start-up). A task that runs
         * longer is cancelled and FAILED ("exceeded maximum run time of ..."), never extended forever.
         */
        @WithDefault("2h")
        Duration maxTaskDuration();

        Backoff backoff();
    }

    interface Backoff {
        /**
         * Delay before a message that failed transiently comes back; doubles with each receive of the
         * message (its receive count, which the DLQ redrive counts too), with jitter.
         */
        @WithDefault("2s")
        Duration base();

        @WithDefault("5m")
        Duration max();
    }

    interface Model {
        /** Points the SageMaker runtime client elsewhere (the simulator locally); else AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME or AWS. */
        Optional<URI> endpointOverride();

        /** Upper bound of one model invocation, including the network. */
        @WithDefault("5m")
        Duration timeout();

        @WithDefault("sluice-image-generation")
        String imageGenerationEndpoint();

        @WithDefault("sluice-video-analysis")
        String videoAnalysisEndpoint();
    }
}
