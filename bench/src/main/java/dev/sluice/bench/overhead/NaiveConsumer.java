package dev.sluice.bench.overhead;

import dev.sluice.bench.drain.BenchTasks;
import dev.sluice.core.keys.ObjectKeys;
import dev.sluice.core.message.TaskMessage;
import dev.sluice.core.message.TaskMessageCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The design Sluice is weighed against: receive, invoke the model, put the output, delete the
 * message. No lease, no heartbeat, no DynamoDB: a message received twice runs twice. Everything else
 * is the worker's: its HTTP client and SDK clients, the same model request, the same receive loop
 * (one poller takes as many messages as there are free slots, at most 10, and hands each to a task
 * thread), the same output key. Configured like the worker, by environment: the SDK's standard
 * variables, {@code SLUICE_QUEUE_URL}, {@code SLUICE_BUCKET}, {@code SLUICE_S3_PATH_STYLE}, and
 * {@code SLUICE_WORKER_CONCURRENCY}; arguments: long-poll wait and visibility timeout, in seconds.
 */
public final class NaiveConsumer {
    /** Printed once the clients are built; the scenario waits for it. */
    static final String READY = "naive consumer ready";
    private static final int MAX_PER_RECEIVE = 10;

    private final SqsClient sqs;
    private final S3Client s3;
    private final SageMakerRuntimeClient model;
    private final String queueUrl;
    private final String bucket;
    private final int waitSeconds;
    private final int visibilitySeconds;
    private final Semaphore slots;
    private final ExecutorService taskThreads;
    private final AtomicLong failed = new AtomicLong();

    NaiveConsumer(int concurrency, int waitSeconds, int visibilitySeconds) {
        this.sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        this.s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create())
                .forcePathStyle(Boolean.parseBoolean(System.getenv().getOrDefault("SLUICE_S3_PATH_STYLE", "false")))
                .build();
        // As the worker builds it: no SDK retries (the worker's own retry only acts on failures).
        this.model = SageMakerRuntimeClient.builder().httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        this.queueUrl = required("SLUICE_QUEUE_URL");
        this.bucket = required("SLUICE_BUCKET");
        this.waitSeconds = waitSeconds;
        this.visibilitySeconds = visibilitySeconds;
        this.slots = new Semaphore(concurrency);
        this.taskThreads = Executors.newFixedThreadPool(concurrency);
    }

    public static void main(String[] args) throws InterruptedException {
        int concurrency = Integer.parseInt(required("SLUICE_WORKER_CONCURRENCY"));
        NaiveConsumer consumer = new NaiveConsumer(concurrency, Integer.parseInt(args[0]), Integer.parseInt(args[1]));
        System.out.printf("%s concurrency=%d wait=%ss visibility=%ss%n", READY, concurrency, args[0], args[1]);
        System.out.flush();
        consumer.pollForever();
    }

    void pollForever() throws InterruptedException {
        while (true) {
            if (!slots.tryAcquire(1, TimeUnit.SECONDS)) {
                continue;
            }
            int taken = 1;
            while (taken < MAX_PER_RECEIVE && slots.tryAcquire()) {
                taken++;
            }
            List<Message> messages;
            try {
                int max = taken;
                messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(max)
                        .waitTimeSeconds(waitSeconds).visibilityTimeout(visibilitySeconds)
                        .messageAttributeNames("All")).messages();
            } catch (RuntimeException e) {
                slots.release(taken);
                System.out.println("receive failed: " + e);
                Thread.sleep(500);
                continue;
            }
            slots.release(taken - messages.size());
            for (Message message : messages) {
                taskThreads.execute(() -> {
                    try {
                        handle(message);
                    } catch (RuntimeException e) {
                        // Left in the queue: it comes back after the visibility timeout, as in the old design.
                        System.out.printf("task failed (%d so far): %s%n", failed.incrementAndGet(), e);
                    } finally {
                        slots.release();
                    }
                });
            }
        }
    }

    private void handle(Message message) {
        TaskMessage task = TaskMessageCodec.decode(message.body());
        InvokeEndpointResponse response = model.invokeEndpoint(b -> b
                .endpointName(BenchTasks.ENDPOINT)
                .contentType("application/json")
                .accept(BenchTasks.ACCEPT)
                .customAttributes("taskId=" + task.taskId())
                .body(SdkBytes.fromString(BenchTasks.INPUT, StandardCharsets.UTF_8)));
        String contentType = response.contentType() == null ? BenchTasks.ACCEPT : response.contentType();
        String key = ObjectKeys.output(task.ownerId(), task.ref(), ObjectKeys.extensionFor(contentType));
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType),
                RequestBody.fromBytes(response.body().asByteArray()));
        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }
}
