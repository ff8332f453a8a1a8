package dev.sluice.reaper.run;

import dev.sluice.core.reaper.ReaperAction;
import dev.sluice.core.reaper.ReaperRecords;
import dev.sluice.reaper.config.SluiceConfig;
import dev.sluice.reaper.lock.ReaperLock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Adds a finished run to the reaper's record (see {@link ReaperRecords}), where the API's monitor
 * reads it and exports it as metrics. A run that could not be recorded still did its work, so a failed
 * write is logged, not fatal: the next run's record catches the totals up only for its own actions,
 * and the "last success" alert fires if recording keeps failing.
 */
@ApplicationScoped
public class RunRecorder {
    private static final Logger LOG = Logger.getLogger(RunRecorder.class);
    /** Step name and count key that each action is read from. */
    private static final Map<ReaperAction, String[]> SOURCES = new EnumMap<>(Map.of(
            ReaperAction.DLQ_FAILED, new String[] {"deadLetters", "failed"},
            ReaperAction.DLQ_REQUEUED, new String[] {"deadLetters", "requeued"},
            ReaperAction.DLQ_STALE_DELETED, new String[] {"deadLetters", "staleDeleted"},
            ReaperAction.LEASES_RECLAIMED, new String[] {"expiredLeases", "reclaimed"},
            ReaperAction.GONE_OWNER_RELEASED, new String[] {"goneOwners", "released"},
            ReaperAction.PENDING_REENQUEUED, new String[] {"stuckPending", "reenqueued"},
            ReaperAction.UPLOADS_DELETED, new String[] {"orphans", "uploadsDeleted"},
            ReaperAction.OUTPUTS_DELETED, new String[] {"orphans", "outputsDeleted"}));

    private final ReaperRecords records;
    private final Clock clock;

    public RunRecorder(DynamoDbClient dynamo, SluiceConfig config, Clock clock) {
        this.records = new ReaperRecords(dynamo, config.table(), ReaperLock.NAME);
        this.clock = clock;
    }

    public void record(List<StepReport> steps, Duration duration, boolean succeeded) {
        try {
            records.record(clock.instant(), duration, succeeded, actions(steps));
        } catch (RuntimeException e) {
            LOG.warnf(e, "cannot record this run for the metrics");
        }
    }

    static Map<ReaperAction, Long> actions(List<StepReport> steps) {
        Map<ReaperAction, Long> actions = new EnumMap<>(ReaperAction.class);
        SOURCES.forEach((action, source) -> steps.stream().filter(s -> s.name().equals(source[0])).findFirst()
                .ifPresent(step -> actions.put(action, step.get(source[1]))));
        return actions;
    }
}
