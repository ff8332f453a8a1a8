package dev.sluice.bench.drain;

import dev.sluice.core.job.TaskRef;
import dev.sluice.core.store.JobTable;
import dev.sluice.core.store.TaskAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** Counts tasks by status, read back from DynamoDB after a drain (100 keys per BatchGetItem). */
public final class TaskStatuses {
    private static final int BATCH = 100;

    private final DynamoDbClient dynamo;
    private final String table;

    public TaskStatuses(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Status name to count; a task whose item is gone counts as MISSING. */
    public Map<String, Integer> count(List<TaskRef> tasks) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int from = 0; from < tasks.size(); from += BATCH) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (TaskRef ref : tasks.subList(from, Math.min(tasks.size(), from + BATCH))) {
                keys.add(JobTable.taskKey(ref));
            }
            int found = 0;
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys)
                    .consistentRead(true).projectionExpression("#s")
                    .expressionAttributeNames(Map.of("#s", TaskAttributes.STATUS)).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> pending = request;
                var response = dynamo.batchGetItem(b -> b.requestItems(pending));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                    AttributeValue status = item.get(TaskAttributes.STATUS);
                    counts.merge(status == null ? "UNKNOWN" : status.s(), 1, Integer::sum);
                    found++;
                }
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
            if (found < keys.size()) {
                counts.merge("MISSING", keys.size() - found, Integer::sum);
            }
        }
        return counts;
    }

    public int completed(List<TaskRef> tasks) {
        return count(tasks).getOrDefault("COMPLETED", 0);
    }
}
