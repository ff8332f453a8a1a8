package dev.sluice.reaper.dlq;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.job.TaskRef;
import dev.sluice.reaper.cli.ExitCodes;
import dev.sluice.reaper.json.Json;
import dev.sluice.reaper.lock.LockHolder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What a redrive did with each message it looked at; printed as one JSON line. */
public final class RedriveReport {
    /** Why a selected message was not redriven. */
    public record Left(String taskId, String reason) {
    }

    private final List<TaskRef> redriven = new ArrayList<>();
    private final List<Left> left = new ArrayList<>();
    private final List<String> staleDeleted = new ArrayList<>();
    private final Set<String> notFound = new LinkedHashSet<>();
    private final List<String> errors = new ArrayList<>();
    private int scanned;
    private int malformed;
    private LockHolder lockBusy;

    void scanned(int count) {
        scanned = count;
    }

    void redriven(TaskRef ref) {
        redriven.add(ref);
    }

    void left(String taskId, String reason) {
        left.add(new Left(taskId, reason));
    }

    void staleDeleted(String taskId) {
        staleDeleted.add(taskId);
    }

    void malformed() {
        malformed++;
    }

    void notFound(Set<String> taskIds) {
        notFound.addAll(taskIds);
    }

    void error(String error) {
        errors.add(error);
    }

    void lockBusy(LockHolder holder) {
        lockBusy = holder;
    }

    public List<TaskRef> redriven() {
        return List.copyOf(redriven);
    }

    public int exitCode() {
        if (lockBusy != null || !errors.isEmpty()) {
            return ExitCodes.ERROR;
        }
        return notFound.isEmpty() ? ExitCodes.OK : ExitCodes.NOT_FOUND;
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("command", "dlq redrive");
        if (lockBusy != null) {
            node.put("outcome", "lock-busy");
            Json.putString(node, "lockHeldBy", lockBusy.owner());
            Json.putInstant(node, "lockUntil", lockBusy.until());
        } else {
            node.put("outcome", errors.isEmpty() ? "completed" : "completed-with-errors");
        }
        node.put("scanned", scanned);
        ArrayNode done = node.putArray("redriven");
        redriven.forEach(ref -> done.addObject().put("jobId", ref.jobId()).put("taskId", ref.taskId()));
        ArrayNode notDone = node.putArray("notRedriven");
        left.forEach(l -> notDone.addObject().put("taskId", l.taskId()).put("reason", l.reason()));
        ArrayNode stale = node.putArray("staleDeleted");
        staleDeleted.forEach(stale::add);
        ArrayNode missing = node.putArray("notFound");
        notFound.forEach(missing::add);
        node.put("malformedLeft", malformed);
        ArrayNode errorArray = node.putArray("errors");
        errors.forEach(errorArray::add);
        return node;
    }
}
