package dev.sluice.bench.admission;

import dev.sluice.core.store.JobTable;
import dev.sluice.core.store.OwnerActiveTasks;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Watches a level's jobs: through the table's sparse index of an owner's unfinished (PENDING or
 * PROCESSING) tasks, the one the API's active-jobs limit queries, so a poll costs one Query however many
 * jobs finished; and through the task queue, to tell when the workers (and so the model) are idle.
 */
final class CompletionWatch {
    private static final String EMPTY = "0";
    private static final Duration QUIET = Duration.ofSeconds(1);

    private final DynamoDbClient dynamo;
    private final String table;
    private final SqsClient sqs;
    private final String queueUrl;
    private final Duration poll;

    CompletionWatch(DynamoDbClient dynamo, String table, SqsClient sqs, String queueUrl, Duration poll) {
        this.dynamo = dynamo;
        this.table = table;
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.poll = poll;
    }

    /**
     * Polls until none of {@code jobIds} (all {@code ownerId}'s) is unfinished, or {@code deadlineNanos}.
     *
     * @return the {@link System#nanoTime()} when the first poll that found none unfinished was answered (the
     *         last one finished before, at most a poll interval before), or -1 when some still were at the deadline
     */
    long awaitFinished(String ownerId, Set<String> jobIds, long deadlineNanos) throws InterruptedException {
        while (true) {
            Set<String> unfinished = unfinishedJobs(ownerId);
            long answered = System.nanoTime();
            unfinished.retainAll(jobIds);
            if (unfinished.isEmpty()) {
                return answered;
            }
            if (answered > deadlineNanos) {
                return -1;
            }
            Thread.sleep(poll.toMillis());
        }
    }

    /**
     * Waits until the task queue has held no message, visible or in flight, for {@link #QUIET}, or until
     * {@code deadlineNanos}: then no worker runs a task and the model is idle. ElasticMQ counts exactly;
     * the quiet period lets a submission the API is still finishing show up.
     */
    boolean awaitQueueEmpty(long deadlineNanos) throws InterruptedException {
        long emptySince = -1;
        while (true) {
            Map<QueueAttributeName, String> counts = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
            long now = System.nanoTime();
            if (!counts.values().stream().allMatch(EMPTY::equals)) {
                emptySince = -1;
            } else if (emptySince < 0) {
                emptySince = now;
            } else if (now - emptySince >= QUIET.toNanos()) {
                return true;
            }
            if (System.nanoTime() > deadlineNanos) {
                return false;
            }
            Thread.sleep(poll.toMillis());
        }
    }

    /** The job IDs of the owner's unfinished tasks; the index keeps only keys, the job's is the item's pk. */
    private Set<String> unfinishedJobs(String ownerId) {
        Set<String> jobIds = new HashSet<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse page = dynamo.query(QueryRequest.builder()
                    .tableName(table)
                    .indexName(OwnerActiveTasks.NAME)
                    .keyConditionExpression("#pk = :owner")
                    .expressionAttributeNames(Map.of("#pk", OwnerActiveTasks.PK))
                    .expressionAttributeValues(Map.of(":owner",
                            AttributeValue.fromS(OwnerActiveTasks.partition(ownerId))))
                    .exclusiveStartKey(startKey)
                    .build());
            String prefix = JobTable.jobPk("");
            page.items().forEach(item -> jobIds.add(item.get(JobTable.PK).s().substring(prefix.length())));
            boolean more = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty();
            startKey = more ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return jobIds;
    }
}
