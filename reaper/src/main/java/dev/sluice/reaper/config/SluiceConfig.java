package dev.sluice.reaper.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Where Sluice's data lives: the same {@code sluice.*} keys (and {@code SLUICE_*} variables) as the API
 * and the worker, so one ConfigMap serves all three. AWS endpoints are deliberately absent: they come
 * from {@code quarkus.<service>.endpoint-override} or the SDK's {@code AWS_ENDPOINT_URL_<SERVICE>}.
 */
@ConfigMapping(prefix = "sluice")
public interface SluiceConfig {

    /** DynamoDB table holding jobs, tasks, leases and the reaper's lock. */
    @WithDefault("sluice-jobs")
    String table();

    /** S3 bucket holding uploads and outputs. */
    @WithDefault("sluice-data")
    String bucket();

    Queue queue();

    Dlq dlq();

    interface Queue {
        /** Full task queue URL; when absent it is looked up once from {@link #name()}. */
        Optional<String> url();

        @WithDefault("sluice-tasks")
        String name();
    }

    interface Dlq {
        /**
         * Full DLQ URL. When absent the DLQ is the target of the task queue's redrive policy, so the
         * reaper cannot disagree with SQS about which queue receives dead letters.
         */
        Optional<String> url();
    }
}
