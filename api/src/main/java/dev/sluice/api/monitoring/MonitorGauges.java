package dev.sluice.api.monitoring;

import dev.sluice.core.reaper.ReaperAction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * The monitor's readings as Prometheus series. Series appear only once there is something true to
 * say: queue gauges after the first successful read, reaper series after the reaper's first run. A
 * gauge that showed 0 (or NaN) before that would read as "empty queue" or "never failed", and the
 * alerts that look for absent series would stay quiet. The last-success time is there from the start
 * at 0, so a monitor that never manages a read is stale at once.
 */
final class MonitorGauges {
    private final MeterRegistry registry;
    private final AtomicReference<MonitorReading> latest = new AtomicReference<>();
    private final Counter failures;
    private volatile boolean queueSeries;
    private volatile boolean reaperRunSeries;
    private volatile boolean reaperSuccessSeries;

    MonitorGauges(MeterRegistry registry) {
        this.registry = registry;
        this.failures = Counter.builder("sluice.monitor.failures")
                .description("Monitor reads that failed; the gauges keep their last values")
                .register(registry);
        Gauge.builder("sluice.monitor.last.success.timestamp.seconds", latest,
                        ref -> ref.get() == null ? 0 : seconds(ref.get().readAt()))
                .description("When the monitor last read the queues, the index and the reaper's record")
                .strongReference(true)
                .register(registry);
    }

    void failed() {
        failures.increment();
    }

    void show(MonitorReading reading) {
        latest.set(reading);
        if (!queueSeries) {
            queueSeries = true;
            queue("tasks", "visible", r -> r.tasks().visible());
            queue("tasks", "in_flight", r -> r.tasks().inFlight());
            queue("tasks", "delayed", r -> r.tasks().delayed());
            queue("dlq", "visible", r -> r.deadLetters().visible());
            queue("dlq", "in_flight", r -> r.deadLetters().inFlight());
            queue("dlq", "delayed", r -> r.deadLetters().delayed());
            gauge("sluice.queue.oldest.pending.age.seconds", "How long the oldest PENDING task has been waiting",
                    r -> r.oldestPendingAge().toMillis() / 1000.0);
        }
        if (!reaperRunSeries && reading.reaper().lastRunAt().isPresent()) {
            reaperRunSeries = true;
            gauge("sluice.reaper.last.run.timestamp.seconds", "When the last reaper run ended",
                    r -> r.reaper().lastRunAt().map(MonitorGauges::seconds).orElse(Double.NaN));
            gauge("sluice.reaper.last.run.duration.seconds", "How long the last reaper run took",
                    r -> r.reaper().lastDuration().map(d -> d.toMillis() / 1000.0).orElse(Double.NaN));
            for (ReaperAction action : ReaperAction.values()) {
                FunctionCounter.builder("sluice.reaper.actions", latest,
                                ref -> ref.get().reaper().actionTotals().getOrDefault(action, 0L))
                        .description("What the reaper did, summed over its runs")
                        .tag("action", action.tag())
                        .register(registry);
            }
        }
        if (!reaperSuccessSeries && reading.reaper().lastSuccessAt().isPresent()) {
            reaperSuccessSeries = true;
            gauge("sluice.reaper.last.success.timestamp.seconds", "When the last reaper run without errors ended",
                    r -> r.reaper().lastSuccessAt().map(MonitorGauges::seconds).orElse(Double.NaN));
        }
    }

    private void queue(String queue, String state, ToDoubleFunction<MonitorReading> value) {
        Gauge.builder("sluice.queue.messages", latest, ref -> value.applyAsDouble(ref.get()))
                .description("Approximate messages in the task queue and its DLQ, by state")
                .tags("queue", queue, "state", state)
                .strongReference(true)
                .register(registry);
    }

    private void gauge(String name, String description, ToDoubleFunction<MonitorReading> value) {
        Gauge.builder(name, latest, ref -> value.applyAsDouble(ref.get()))
                .description(description)
                .strongReference(true)
                .register(registry);
    }

    private static double seconds(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }
}
