package dev.sluice.chaos;

import dev.sluice.core.store.JobTable;
import dev.sluice.core.store.TaskAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Reads the tasks straight from DynamoDB, the system's source of truth, through the real server (never
 * the outage proxy), so the harness can watch and judge during an outage. A Scan is fine here: the
 * table holds only this run's items.
 */
public final class TaskTable {
    private static final Pattern INDEX = Pattern.compile("task #(\\d+)");

    private final DynamoDbClient dynamo;
    private final String table;

    public TaskTable(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Every task of the table, joined with its job's input. */
    public List<TaskRecord> all() {
        Map<String, String> inputs = new HashMap<>();
        List<Map<String, AttributeValue>> tasks = new ArrayList<>();
        scan(ScanRequest.builder().tableName(table).consistentRead(true).build(), item -> {
            String sk = string(item, JobTable.SK).orElse("");
            if (sk.equals("JOB")) {
                inputs.put(string(item, TaskAttributes.JOB_ID).orElse(""), string(item, TaskAttributes.INPUT).orElse(""));
            } else if (sk.startsWith("TASK#")) {
                tasks.add(item);
            }
        });
        List<TaskRecord> records = new ArrayList<>();
        for (Map<String, AttributeValue> item : tasks) {
            String jobId = string(item, TaskAttributes.JOB_ID).orElse("");
            records.add(toRecord(item, inputs.getOrDefault(jobId, "")));
        }
        return records;
    }

    /**
     * Tasks still PENDING or PROCESSING: cheap enough to poll, since the filter keeps the answer small
     * as the run settles. Their input is not read, so index and kind are unknown (-1, NORMAL).
     */
    public List<TaskRecord> unfinished() {
        List<TaskRecord> records = new ArrayList<>();
        scan(ScanRequest.builder().tableName(table).consistentRead(true)
                .filterExpression("begins_with(#sk, :task) AND (#status = :pending OR #status = :processing)")
                .expressionAttributeNames(Map.of("#sk", JobTable.SK, "#status", TaskAttributes.STATUS))
                .expressionAttributeValues(Map.of(":task", AttributeValue.fromS("TASK#"),
                        ":pending", AttributeValue.fromS(TaskRecord.PENDING),
                        ":processing", AttributeValue.fromS(TaskRecord.PROCESSING)))
                .build(), item -> records.add(toRecord(item, "")));
        return records;
    }

    /** One task's current fencing token (a consistent GetItem: cheap enough to poll), or -1 if it is gone. */
    public long fencingToken(String jobId, String taskId) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(JobTable.PK, AttributeValue.fromS(JobTable.jobPk(jobId)),
                        JobTable.SK, AttributeValue.fromS("TASK#" + taskId)))).item();
        return item == null || item.isEmpty() ? -1 : number(item, TaskAttributes.FENCING_TOKEN);
    }

    private void scan(ScanRequest first, Consumer<Map<String, AttributeValue>> sink) {
        ScanRequest request = first;
        while (true) {
            var page = dynamo.scan(request);
            page.items().forEach(sink);
            if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) {
                return;
            }
            request = request.toBuilder().exclusiveStartKey(page.lastEvaluatedKey()).build();
        }
    }

    private static TaskRecord toRecord(Map<String, AttributeValue> item, String input) {
        Matcher index = INDEX.matcher(input);
        return new TaskRecord(
                string(item, TaskAttributes.TASK_ID).orElse(""),
                string(item, TaskAttributes.JOB_ID).orElse(""),
                index.find() ? Integer.parseInt(index.group(1)) : -1,
                TaskKind.inText(input),
                string(item, TaskAttributes.STATUS).orElse(""),
                (int) number(item, TaskAttributes.ATTEMPTS),
                number(item, TaskAttributes.FENCING_TOKEN),
                string(item, TaskAttributes.OUTPUT_KEY),
                string(item, TaskAttributes.LAST_ERROR),
                string(item, TaskAttributes.LEASE_OWNER),
                number(item, TaskAttributes.LEASE_EXPIRES_AT));
    }

    private static Optional<String> string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? Optional.empty() : Optional.of(value.s());
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }
}
