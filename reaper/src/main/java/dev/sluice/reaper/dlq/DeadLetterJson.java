package dev.sluice.reaper.dlq;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.job.Task;
import dev.sluice.reaper.json.Json;
import dev.sluice.reaper.queue.DeadLetter;
import dev.sluice.reaper.task.TaskJson;
import java.time.Instant;
import java.util.Optional;

/** One `dlq list` line: the message, and the state of the task it names. */
final class DeadLetterJson {
    private DeadLetterJson() {
    }

    static ObjectNode of(DeadLetter letter, Optional<Task> task, Instant now) {
        ObjectNode node = Json.object();
        node.put("messageId", letter.messageId());
        Json.putInstant(node, "sentAt", letter.sentAt());
        node.put("receiveCount", letter.receiveCount());
        if (letter instanceof DeadLetter.Malformed) {
            DeadLetter.Malformed malformed = (DeadLetter.Malformed) letter;
            node.put("malformed", malformed.reason());
            node.put("body", malformed.bodyExcerpt());
            return node;
        }
        DeadLetter.Task taskLetter = (DeadLetter.Task) letter;
        node.put("jobId", taskLetter.message().jobId());
        node.put("taskId", taskLetter.message().taskId());
        node.put("type", taskLetter.message().type().wireName());
        node.put("ownerId", taskLetter.message().ownerId());
        if (task.isPresent()) {
            node.set("task", TaskJson.task(task.get(), now));
        } else {
            node.putNull("task");
        }
        return node;
    }
}
