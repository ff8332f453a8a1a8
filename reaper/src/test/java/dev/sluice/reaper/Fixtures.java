package dev.sluice.reaper;

import dev.sluice.core.job.Job;
import dev.sluice.core.job.JobType;
import dev.sluice.core.job.NewJob;
import dev.sluice.core.job.Task;
import dev.sluice.core.job.TaskOutput;
import dev.sluice.core.job.TaskRef;
import dev.sluice.core.keys.ObjectKeys;
import dev.sluice.core.lease.Lease;
import dev.sluice.core.lease.LeaseAcquisition;
import dev.sluice.core.lease.LeaseManager;
import dev.sluice.core.message.MalformedMessageException;
import dev.sluice.core.message.TaskMessage;
import dev.sluice.core.message.TaskMessageCodec;
import dev.sluice.core.store.JobCreation;
import dev.sluice.core.store.JobStore;
import dev.sluice.devstack.DevStack;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Test state made the way the system makes it: jobs through core's JobStore, leases through core's
 * LeaseManager (on the application's clock), messages and objects with the SDK on the real servers.
 */
@ApplicationScoped
public class Fixtures {
    public static final String OWNER = "reaper-test";

    private final JobStore jobs;
    private final LeaseManager leases;
    private final DevStack stack = DevStack.shared();

    public Fixtures(JobStore jobs, TestClock clock) {
        this.jobs = jobs;
        this.leases = new LeaseManager(stack.clients().dynamo(), stack.resources().table(), clock);
    }

    public TaskRef newTask() {
        return newJob(List.of()).tasks().get(0).ref();
    }

    public Job newJob(List<String> objectKeys) {
        String input = "{\"prompt\":\"reaper test " + UUID.randomUUID() + "\",\"width\":64,\"height\":64}";
        JobCreation created = jobs.create(new NewJob(OWNER, JobType.IMAGE_GENERATION, input, Optional.empty(),
                UUID.randomUUID().toString(), objectKeys));
        return ((JobCreation.Created) created).job();
    }

    public Lease lease(TaskRef ref, String owner, Duration ttl) {
        LeaseAcquisition acquisition = leases.acquire(ref, owner, ttl);
        if (!(acquisition instanceof LeaseAcquisition.Acquired)) {
            throw new AssertionError("could not lease " + ref + ": " + acquisition);
        }
        return ((LeaseAcquisition.Acquired) acquisition).lease();
    }

    /** A heartbeat: same token, new expiry. */
    public void extend(Lease lease, Duration ttl) {
        if (leases.extend(lease, ttl).isEmpty()) {
            throw new AssertionError("lease lost: " + lease);
        }
    }

    /** One attempt the model failed transiently: PENDING, one more attempt and model failure, a last error. */
    public void failAttempt(TaskRef ref, String error) {
        failAttempts(ref, 1, error);
    }

    public void failAttempts(TaskRef ref, int count, String error) {
        for (int i = 0; i < count; i++) {
            leases.releaseAfterModelFailure(lease(ref, "worker-x", Duration.ofMinutes(1)), error);
        }
    }

    public void failPermanently(TaskRef ref, String error) {
        leases.fail(lease(ref, "worker-x", Duration.ofMinutes(1)), error);
    }

    public String complete(TaskRef ref) {
        String key = ObjectKeys.output(OWNER, ref, "png");
        putObject(key);
        leases.complete(lease(ref, "worker-x", Duration.ofMinutes(1)), new TaskOutput(key, "image/png", 3, "abc"));
        return key;
    }

    public Task task(TaskRef ref) {
        return jobs.findTask(ref).orElseThrow();
    }

    public String outputKey(TaskRef ref) {
        return ObjectKeys.output(OWNER, ref, "png");
    }

    public void putObject(String key) {
        stack.clients().s3().putObject(b -> b.bucket(stack.resources().bucket()).key(key), RequestBody.fromString("x"));
    }

    public boolean objectExists(String key) {
        try {
            stack.clients().s3().headObject(b -> b.bucket(stack.resources().bucket()).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    public static String message(TaskRef ref) {
        return TaskMessageCodec.encode(TaskMessage.of(ref, JobType.IMAGE_GENERATION, OWNER, java.time.Instant.now()));
    }

    public void sendToDlq(String body) {
        stack.clients().sqs().sendMessage(b -> b.queueUrl(stack.resources().dlqUrl()).messageBody(body));
    }

    /** Takes every message off the task queue: the task IDs they were for. */
    public List<String> drainTaskQueue() {
        List<String> taskIds = new ArrayList<>();
        for (Message m : drain(stack.resources().queueUrl())) {
            try {
                taskIds.add(TaskMessageCodec.decode(m.body()).taskId());
            } catch (MalformedMessageException e) {
                taskIds.add("malformed:" + m.body());
            }
        }
        return taskIds;
    }

    public List<Message> drainDlq() {
        return drain(stack.resources().dlqUrl());
    }

    /** The DLQ's messages without consuming them (received and made visible again). */
    public List<String> peekDlqBodies() {
        var sqs = stack.clients().sqs();
        List<Message> seen = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        while (true) {
            var batch = sqs.receiveMessage(b -> b.queueUrl(stack.resources().dlqUrl()).maxNumberOfMessages(10)
                    .visibilityTimeout(30).waitTimeSeconds(0)).messages();
            if (batch.isEmpty()) {
                break;
            }
            for (Message m : batch) {
                if (!ids.contains(m.messageId())) {
                    ids.add(m.messageId());
                    seen.add(m);
                }
            }
        }
        for (Message m : seen) {
            sqs.changeMessageVisibility(b -> b.queueUrl(stack.resources().dlqUrl()).receiptHandle(m.receiptHandle())
                    .visibilityTimeout(0));
        }
        return seen.stream().map(Message::body).toList();
    }

    private List<Message> drain(String url) {
        var sqs = stack.clients().sqs();
        List<Message> all = new ArrayList<>();
        while (true) {
            var batch = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(30)
                    .waitTimeSeconds(0)).messages();
            if (batch.isEmpty()) {
                return all;
            }
            for (Message m : batch) {
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
                all.add(m);
            }
        }
    }
}
