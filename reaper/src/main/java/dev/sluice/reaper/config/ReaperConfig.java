package dev.sluice.reaper.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The reaper's thresholds and limits. Every default suits a CronJob running every 5 minutes; tests
 * use the defaults too and move a clock instead. docs/runbook.md lists them with their variables.
 */
@ConfigMapping(prefix = "sluice.reaper")
public interface ReaperConfig {

    Lock lock();

    Leases leases();

    Kubernetes kubernetes();

    Pending pending();

    DeadLetters dlq();

    Orphans orphans();

    interface Lock {
        /**
         * How long one run may hold the singleton lock. A run stops acting once its lock is about to
         * run out, so a second run can never overlap it; a crashed run blocks the next for at most this.
         */
        @WithDefault("15m")
        Duration ttl();
    }

    interface Leases {
        /**
         * How long after the first sighting of an expired lease a second sighting with the same fencing
         * token confirms the holder is dead. Longer than a heartbeat delay (TTL/3) plus a GC pause.
         */
        @WithDefault("30s")
        Duration confirmAfter();

        /**
         * When set, a run takes its second look itself after this delay instead of leaving it to the
         * next run. Off by default: the CronJob's period already separates two looks.
         */
        Optional<Duration> secondLook();

        /** Expired leases examined per pass (also bounds the sightings kept on the lock item). */
        @WithDefault("500")
        int maxPerRun();
    }

    interface Kubernetes {
        /**
         * Whether to release leases of worker pods that no longer exist. Unset: on when the process runs
         * in a Kubernetes pod (service account token mounted), off elsewhere.
         */
        Optional<Boolean> enabled();

        /** Namespace of the worker pods; unset: the reaper's own namespace. */
        Optional<String> namespace();

        /** Label selector of the worker pods; their names are the workers' lease owners. */
        @WithDefault("app.kubernetes.io/component=worker")
        String workerSelector();
    }

    interface Pending {
        /**
         * A task PENDING and not enqueued for this long has probably lost its message (the API died
         * between persisting and sending, or a send failed). Longer than the worker's largest retry
         * backoff (5m), or retried tasks would get duplicate messages.
         */
        @WithDefault("15m")
        Duration threshold();

        /** Messages re-sent per run, so a backlog is worked off over several runs. */
        @WithDefault("500")
        int maxPerRun();
    }

    interface DeadLetters {
        /**
         * How long a read DLQ message stays hidden while a scan goes on; afterwards the reaper makes it
         * visible again at once. It only needs to outlast one scan.
         */
        @WithDefault("30s")
        Duration visibility();

        /**
         * Long-poll wait of each DLQ receive. Short polls sample only some SQS servers and may answer
         * empty while messages exist; a wait of 1 s asks all of them, so an empty answer ends the scan.
         */
        @WithDefault("1s")
        Duration receiveWait();

        /** DLQ messages read per run or per `dlq` command. */
        @WithDefault("1000")
        int maxPerRun();

        /**
         * A dead-lettered task the model failed at least this many times is hopeless and is marked
         * FAILED. With fewer model failures its receives went to crashes, outages or duplicates, so it is
         * queued again instead. Keep it at or below the queue's maxReceiveCount.
         */
        @WithDefault("3")
        int hopelessAfterModelFailures();

        /** How many times one task may be queued again from the DLQ before it is failed anyway. */
        @WithDefault("3")
        int maxRequeues();
    }

    interface Orphans {
        /** Whether the run deletes orphaned S3 objects at all. */
        @WithDefault("true")
        boolean enabled();

        /** An upload no job referenced after this long is deleted. */
        @WithDefault("24h")
        Duration uploadMaxAge();

        /** An output whose task is FAILED, CANCELLED or gone is deleted once it is this old. */
        @WithDefault("6h")
        Duration outputGrace();

        /**
         * Objects older than their age limit plus this were examined by earlier runs and are skipped,
         * so each run reads the table only for objects that crossed their limit recently, however
         * large the bucket. Raise it once to sweep an older backlog.
         */
        @WithDefault("7d")
        Duration lookback();

        /** Objects deleted per run, uploads and outputs together. */
        @WithDefault("1000")
        int maxDeletesPerRun();
    }
}
