package dev.sluice.worker.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses to start with settings that cannot work, before the poller takes any message: a worker
 * that finds out mid-task that SQS will not hide its message long enough would run tasks twice.
 */
@ApplicationScoped
public class WorkerConfigCheck {
    /** SQS hides a received message for at most 12 hours, however often its visibility is changed. */
    public static final Duration SQS_MAX_VISIBILITY = Duration.ofHours(12);

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event, WorkerConfig config) {
        WorkerConfig.Worker worker = config.worker();
        List<String> problems = problems(worker.leaseTtl(), worker.maxTaskDuration(), worker.maxShutdownReleases());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid worker configuration: " + String.join("; ", problems));
        }
    }

    static List<String> problems(Duration leaseTtl, Duration maxTaskDuration, int maxShutdownReleases) {
        List<String> problems = new ArrayList<>();
        if (leaseTtl.isNegative() || leaseTtl.isZero()) {
            problems.add("sluice.worker.lease-ttl must be positive, was " + DurationText.of(leaseTtl));
        }
        Duration ceiling = SQS_MAX_VISIBILITY.minus(leaseTtl);
        if (maxTaskDuration.isNegative() || maxTaskDuration.isZero()) {
            problems.add("sluice.worker.max-task-duration must be positive, was " + DurationText.of(maxTaskDuration));
        } else if (maxTaskDuration.compareTo(ceiling) > 0) {
            problems.add("sluice.worker.max-task-duration=" + DurationText.of(maxTaskDuration)
                    + " is longer than 12h minus sluice.worker.lease-ttl (" + DurationText.of(leaseTtl) + "), i.e. "
                    + DurationText.of(ceiling) + ": SQS cannot keep a message hidden for more than 12 hours");
        }
        if (maxShutdownReleases < 0) {
            problems.add("sluice.worker.max-shutdown-releases must be 0 or more, was " + maxShutdownReleases);
        }
        return problems;
    }
}
