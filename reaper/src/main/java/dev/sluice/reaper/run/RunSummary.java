package dev.sluice.reaper.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.lease.Lease;
import dev.sluice.reaper.json.Json;
import dev.sluice.reaper.lock.LockHolder;
import dev.sluice.reaper.lock.ReaperLock;
import java.time.Duration;
import java.util.List;

/** The one line a run prints: what each step did, every error, and how long it took. */
public sealed interface RunSummary {

    Duration duration();

    ObjectNode toJson();

    /** Non-zero when anything failed, so the CronJob's Job shows it. */
    int exitCode();

    /** The run held the lock and ran its steps. */
    record Completed(Lease lock, List<StepReport> steps, Duration duration) implements RunSummary {

        public long errorCount() {
            return steps.stream().mapToLong(s -> s.errors().size()).sum();
        }

        @Override
        public int exitCode() {
            return errorCount() == 0 ? 0 : 1;
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode node = Json.object();
            node.put("command", "run");
            node.put("outcome", errorCount() == 0 ? "completed" : "completed-with-errors");
            ObjectNode lockNode = node.putObject("lock");
            lockNode.put("name", ReaperLock.NAME);
            lockNode.put("owner", lock.owner());
            lockNode.put("fencingToken", lock.fencingToken());
            ObjectNode stepsNode = node.putObject("steps");
            ArrayNode errors = Json.object().arrayNode();
            for (StepReport step : steps) {
                stepsNode.set(step.name(), step.toJson());
                for (String error : step.errors()) {
                    errors.addObject().put("step", step.name()).put("error", error);
                }
            }
            node.put("errorCount", errors.size());
            node.set("errors", errors);
            node.put("durationMs", duration.toMillis());
            return node;
        }
    }

    /** Another run holds the lock: this one did nothing, which is the expected outcome, not an error. */
    record Skipped(LockHolder holder, Duration duration) implements RunSummary {

        @Override
        public int exitCode() {
            return 0;
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode node = Json.object();
            node.put("command", "run");
            node.put("outcome", "skipped");
            node.put("reason", "another reaper run holds the lock");
            ObjectNode lockNode = node.putObject("lock");
            lockNode.put("name", ReaperLock.NAME);
            Json.putString(lockNode, "heldBy", holder.owner());
            Json.putInstant(lockNode, "until", holder.until());
            node.putObject("steps");
            node.put("errorCount", 0);
            node.putArray("errors");
            node.put("durationMs", duration.toMillis());
            return node;
        }
    }

    /** The run could not even start (the lock's table unreachable, say). */
    record Failed(String error, Duration duration) implements RunSummary {

        @Override
        public int exitCode() {
            return 1;
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode node = Json.object();
            node.put("command", "run");
            node.put("outcome", "failed");
            node.putObject("steps");
            node.put("errorCount", 1);
            node.putArray("errors").addObject().put("step", "lock").put("error", error);
            node.put("durationMs", duration.toMillis());
            return node;
        }
    }
}
