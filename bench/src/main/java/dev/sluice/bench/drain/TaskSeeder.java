package dev.sluice.bench.drain;

import dev.sluice.core.job.NewJob;
import dev.sluice.core.job.TaskRef;
import dev.sluice.core.message.TaskMessage;
import dev.sluice.core.message.TaskMessageCodec;
import dev.sluice.core.queue.TaskSender;
import dev.sluice.core.store.JobStore;
import dev.sluice.core.store.JobTable;
import dev.sluice.core.store.TaskItems;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Real Sluice tasks without the API: the job and task items {@link JobStore#create} writes (built by
 * the same code, {@link TaskItems}), then one message per task in the envelope {@link TaskSender}
 * writes. Items go out with BatchWriteItem rather than a transaction per job because moto copies the
 * whole table for every transaction, which makes seeding thousands of jobs quadratic; messages are
 * sent ten at a time. The API's last step, marking each task enqueued, is skipped: the worker never
 * reads it. {@link #delete} removes a drained batch, so every run starts from the same table size
 * (moto's Query reads every item of the table).
 */
public final class TaskSeeder implements AutoCloseable {
    private static final int THREADS = 4;
    private static final int SQS_BATCH = 10;
    /** BatchWriteItem takes 25 requests: 12 jobs with their tasks. */
    private static final int JOBS_PER_WRITE = 12;

    private final DynamoDbClient dynamo;
    private final String table;
    private final SqsClient sqs;
    private final String queueUrl;
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    public TaskSeeder(DynamoDbClient dynamo, String table, SqsClient sqs, String queueUrl) {
        this.dynamo = dynamo;
        this.table = table;
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /** Persists {@code count} single-task jobs of {@code ownerId} (PENDING, no message yet). */
    public List<TaskRef> create(String ownerId, int count) {
        NewJob request = new NewJob(ownerId, BenchTasks.TYPE, BenchTasks.INPUT, Optional.empty(), "bench");
        Instant now = Instant.now();
        Instant expiresAt = now.plus(JobStore.DEFAULT_RETENTION);
        List<TaskRef> tasks = new ArrayList<>();
        List<Callable<Integer>> writes = new ArrayList<>();
        for (int from = 0; from < count; from += JOBS_PER_WRITE) {
            List<WriteRequest> requests = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + JOBS_PER_WRITE); i++) {
                String jobId = UUID.randomUUID().toString();
                TaskRef ref = TaskRef.of(jobId, 0);
                tasks.add(ref);
                requests.add(put(TaskItems.newJobItem(jobId, request, now, expiresAt)));
                requests.add(put(TaskItems.newTaskItem(ref, BenchTasks.TYPE, ownerId, now, expiresAt)));
            }
            writes.add(() -> write(requests));
        }
        all(writes);
        return tasks;
    }

    /** Deletes the job and task items of {@code tasks}. */
    public void delete(List<TaskRef> tasks) {
        List<Callable<Integer>> writes = new ArrayList<>();
        for (int from = 0; from < tasks.size(); from += JOBS_PER_WRITE) {
            List<WriteRequest> requests = new ArrayList<>();
            for (TaskRef ref : tasks.subList(from, Math.min(tasks.size(), from + JOBS_PER_WRITE))) {
                requests.add(WriteRequest.builder().deleteRequest(d -> d.key(JobTable.jobKey(ref.jobId()))).build());
                requests.add(WriteRequest.builder().deleteRequest(d -> d.key(JobTable.taskKey(ref))).build());
            }
            writes.add(() -> write(requests));
        }
        all(writes);
    }

    private int write(List<WriteRequest> requests) {
        Map<String, List<WriteRequest>> pending = Map.of(table, requests);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> batch = pending;
            var response = dynamo.batchWriteItem(b -> b.requestItems(batch));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
        return requests.size();
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(p -> p.item(item)).build();
    }

    /** Sends one message per task, as the API would (same body and envelope attribute). */
    public void enqueue(String ownerId, List<TaskRef> tasks) {
        Instant now = Instant.now();
        List<Callable<TaskRef>> batches = new ArrayList<>();
        for (int from = 0; from < tasks.size(); from += SQS_BATCH) {
            List<TaskRef> batch = tasks.subList(from, Math.min(tasks.size(), from + SQS_BATCH));
            batches.add(() -> send(ownerId, batch, now));
        }
        all(batches);
    }

    private TaskRef send(String ownerId, List<TaskRef> batch, Instant now) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            TaskMessage message = TaskMessage.of(batch.get(i), BenchTasks.TYPE, ownerId, now);
            entries.add(SendMessageBatchRequestEntry.builder()
                    .id(Integer.toString(i))
                    .messageBody(TaskMessageCodec.encode(message))
                    .messageAttributes(Map.of(TaskSender.ENVELOPE_VERSION_ATTRIBUTE,
                            MessageAttributeValue.builder().dataType("Number")
                                    .stringValue(Integer.toString(message.version())).build()))
                    .build());
        }
        var response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
        if (!response.failed().isEmpty()) {
            throw new IllegalStateException("messages not sent: " + response.failed());
        }
        return batch.get(0);
    }

    private <T> List<T> all(List<Callable<T>> work) {
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(work)) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while seeding", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("seeding failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
