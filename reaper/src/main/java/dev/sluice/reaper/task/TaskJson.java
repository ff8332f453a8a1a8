package dev.sluice.reaper.task;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.job.Job;
import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.Task;
import dev.sluice.reaper.json.Json;
import java.time.Instant;
import java.util.List;

/** The JSON shape of jobs and tasks in every command's output. */
public final class TaskJson {
    private TaskJson() {
    }

    public static ObjectNode job(Job job, List<Task> tasks, Instant now) {
        ObjectNode node = Json.object();
        node.put("jobId", job.jobId());
        node.put("ownerId", job.ownerId());
        node.put("type", job.type().wireName());
        node.put("status", job.status().name());
        node.put("createdAt", job.createdAt().toString());
        node.set("input", Json.parseOrText(job.input()));
        var array = node.putArray("tasks");
        tasks.forEach(task -> array.add(task(task, now)));
        return node;
    }

    /** Everything stored about a task, plus whether its lease is live at {@code now}. */
    public static ObjectNode task(Task task, Instant now) {
        ObjectNode node = Json.object();
        node.put("jobId", task.ref().jobId());
        node.put("taskId", task.ref().taskId());
        node.put("type", task.type().wireName());
        node.put("status", task.status().name());
        node.put("attempts", task.attempts());
        node.put("fencingToken", task.fencingToken());
        Json.putString(node, "leaseOwner", task.leaseOwner());
        Json.putInstant(node, "leaseExpiresAt", task.leaseExpiresAt());
        node.put("leaseLive", task.status() == JobStatus.PROCESSING
                && task.leaseExpiresAt().filter(now::isBefore).isPresent());
        Json.putString(node, "lastError", task.lastError());
        if (task.output().isPresent()) {
            var output = node.putObject("output");
            output.put("key", task.output().get().key());
            output.put("contentType", task.output().get().contentType());
            output.put("sizeBytes", task.output().get().sizeBytes());
            output.put("sha256", task.output().get().sha256());
        } else {
            node.putNull("output");
        }
        node.put("shutdownReleases", task.shutdownReleases());
        node.put("modelFailures", task.modelFailures());
        node.put("dlqRequeues", task.dlqRequeues());
        node.put("createdAt", task.createdAt().toString());
        node.put("updatedAt", task.updatedAt().toString());
        Json.putInstant(node, "enqueuedAt", task.enqueuedAt());
        Json.putInstant(node, "startedAt", task.startedAt());
        Json.putInstant(node, "completedAt", task.completedAt());
        return node;
    }
}
