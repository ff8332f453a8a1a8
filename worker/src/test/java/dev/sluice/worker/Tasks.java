package dev.sluice.worker;

import dev.sluice.core.job.Job;
import dev.sluice.core.job.JobType;
import dev.sluice.core.job.NewJob;
import dev.sluice.core.job.Task;
import dev.sluice.core.job.TaskRef;
import dev.sluice.core.message.TaskMessage;
import dev.sluice.core.message.TaskMessageCodec;
import dev.sluice.core.store.JobCreation;
import dev.sluice.core.store.JobStore;
import dev.sluice.devstack.DevStack;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;

/** Puts tasks in front of the worker the way the API does: a job in DynamoDB, then a message. */
public final class Tasks {
    public static final String OWNER = "worker-test";

    private Tasks() {
    }

    public static TaskRef submitImage(JobStore jobs, String promptMarker) {
        String input = "{\"prompt\":\"" + promptMarker + " " + UUID.randomUUID() + "\",\"width\":64,\"height\":64}";
        Job job = ((JobCreation.Created) jobs.create(new NewJob(OWNER, JobType.IMAGE_GENERATION, input,
                Optional.empty(), UUID.randomUUID().toString()))).job();
        TaskRef ref = job.tasks().get(0).ref();
        send(TaskMessageCodec.encode(TaskMessage.of(ref, JobType.IMAGE_GENERATION, OWNER, Instant.now())));
        return ref;
    }

    public static void send(String body) {
        DevStack stack = DevStack.shared();
        stack.clients().sqs().sendMessage(b -> b.queueUrl(stack.resources().queueUrl()).messageBody(body));
    }

    public static Task awaitTask(JobStore jobs, TaskRef ref, Duration timeout, java.util.function.Predicate<Task> until) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> jobs.findTask(ref).orElseThrow(), until::test);
    }
}
