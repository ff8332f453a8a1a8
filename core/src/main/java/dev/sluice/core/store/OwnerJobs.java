package dev.sluice.core.store;

import dev.sluice.core.job.Job;
import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.Task;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * An owner's jobs, newest first, through GSI {@code gsi1} ({@code gsi1pk = OWNER#{ownerId}},
 * {@code gsi1sk = {createdAt 13 digits}#{jobId}}). A job's status is derived from its tasks, which the
 * index does not hold, so every job examined costs one Query of its partition, and a status filter
 * is applied after reading. Pages stay correct under the filter: the index is read on until
 * {@code limit} jobs match or it is exhausted, but at most {@link #MAX_EXAMINED} jobs per call; a page
 * may then hold fewer than {@code limit} jobs (even none) with a cursor to go on from.
 *
 * <p>The cursor is opaque to clients: base64url of the index position after the last job examined,
 * prefixed with the owner's partition and followed by a checksum. A cursor is refused
 * ({@link InvalidCursorException}) unless it decodes to the caller's own partition, a well-formed
 * position and a matching checksum, so it can never read another owner's jobs. The index is eventually consistent: a job created a moment ago may be missing.
 */
public final class OwnerJobs {
    public static final int MAX_LIMIT = 100;
    /** Jobs examined per call at most, whatever the filter. */
    public static final int MAX_EXAMINED = 200;

    private static final String CURSOR_VERSION = "1";
    private static final Pattern POSITION = Pattern.compile("\\d{13}#[A-Za-z0-9-]{1,64}");

    private final DynamoDbClient dynamo;
    private final String table;

    public OwnerJobs(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** One page of jobs and where to go on from, if anything may follow. */
    public record Page(List<Job> jobs, Optional<String> nextCursor) {
        public Page {
            jobs = List.copyOf(jobs);
        }
    }

    /**
     * Up to {@code limit} (1..{@link #MAX_LIMIT}) of {@code ownerId}'s jobs, newest first, with
     * {@code status} when given, starting after {@code cursor} when given.
     *
     * @throws InvalidCursorException when the cursor is not one this class issued for this owner
     */
    public Page list(String ownerId, Optional<JobStatus> status, int limit, Optional<String> cursor) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ": " + limit);
        }
        String partition = JobTable.ownerPk(ownerId);
        Map<String, AttributeValue> startKey = cursor.isPresent() ? startKey(partition, cursor.get()) : null;
        List<Job> matched = new ArrayList<>();
        int examined = 0;
        String lastPosition = null;
        boolean more = true;
        while (more && matched.size() < limit && examined < MAX_EXAMINED) {
            // Unfiltered, one item more than needed tells whether anything follows; filtered, read ahead.
            int wanted = limit - matched.size() + 1;
            int pageSize = Math.min(MAX_EXAMINED - examined, status.isPresent() ? Math.max(wanted, 25) : wanted);
            var page = dynamo.query(QueryRequest.builder()
                    .tableName(table)
                    .indexName(JobTable.GSI1)
                    .keyConditionExpression("#pk = :owner")
                    .expressionAttributeNames(Map.of("#pk", JobTable.GSI1_PK))
                    .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(partition)))
                    .scanIndexForward(false)
                    .limit(pageSize)
                    .exclusiveStartKey(startKey)
                    .build());
            boolean pageHasMore = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty();
            List<Map<String, AttributeValue>> items = page.items();
            int i = 0;
            for (; i < items.size() && matched.size() < limit && examined < MAX_EXAMINED; i++) {
                Map<String, AttributeValue> item = items.get(i);
                examined++;
                lastPosition = Items.requiredString(item, JobTable.GSI1_SK);
                Job job = TaskItems.toJob(item, tasks(Items.requiredString(item, TaskAttributes.JOB_ID)));
                if (status.isEmpty() || job.status() == status.get()) {
                    matched.add(job);
                }
            }
            more = i < items.size() || pageHasMore;
            if (items.isEmpty() && pageHasMore) {
                // Without a filter expression DynamoDB returns no empty page with more to come; if it
                // ever does, go on from where it stopped.
                lastPosition = Items.requiredString(page.lastEvaluatedKey(), JobTable.GSI1_SK);
            }
            startKey = lastPosition == null ? null : key(partition, lastPosition);
        }
        Optional<String> next = more && lastPosition != null ? Optional.of(encode(partition, lastPosition))
                : Optional.empty();
        return new Page(matched, next);
    }

    private List<Task> tasks(String jobId) {
        List<Task> tasks = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            var page = dynamo.query(QueryRequest.builder()
                    .tableName(table)
                    .consistentRead(true)
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :task)")
                    .expressionAttributeNames(Map.of("#pk", JobTable.PK, "#sk", JobTable.SK))
                    .expressionAttributeValues(Map.of(":pk", Items.s(JobTable.jobPk(jobId)), ":task", Items.s("TASK#")))
                    .exclusiveStartKey(start)
                    .build());
            page.items().forEach(item -> tasks.add(TaskItems.toTask(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return tasks;
    }

    static String encode(String partition, String position) {
        String signed = CURSOR_VERSION + "|" + partition + "|" + position;
        String plain = signed + "|" + checksum(signed);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> startKey(String partition, String cursor) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException("the cursor is not base64url");
        }
        String prefix = CURSOR_VERSION + "|" + partition + "|";
        if (!plain.startsWith(prefix)) {
            throw new InvalidCursorException("the cursor was not issued for this listing");
        }
        int sum = plain.lastIndexOf('|');
        String position = plain.substring(prefix.length(), Math.max(prefix.length(), sum));
        if (sum < prefix.length() || !POSITION.matcher(position).matches()
                || !MessageDigest.isEqual(checksum(plain.substring(0, sum)).getBytes(StandardCharsets.UTF_8),
                        plain.substring(sum + 1).getBytes(StandardCharsets.UTF_8))) {
            throw new InvalidCursorException("the cursor names no position");
        }
        return key(partition, position);
    }

    /**
     * Catches truncated or altered cursors. It is no secret: what keeps a cursor from reading another
     * owner's jobs is that it must name the caller's own partition, and a forged position within it
     * shows nothing the caller could not list anyway.
     */
    private static String checksum(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** An index position as a start key: the index's keys and the base table's, all derived from it. */
    private static Map<String, AttributeValue> key(String partition, String position) {
        String jobId = position.substring(position.indexOf('#') + 1);
        Map<String, AttributeValue> key = new HashMap<>(JobTable.jobKey(jobId));
        key.put(JobTable.GSI1_PK, AttributeValue.fromS(partition));
        key.put(JobTable.GSI1_SK, AttributeValue.fromS(position));
        return key;
    }
}
