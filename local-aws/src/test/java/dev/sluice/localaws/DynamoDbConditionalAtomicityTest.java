package dev.sluice.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Conditional writes must be atomic under concurrency, as in DynamoDB: of many callers racing to
 * move one item out of a state, exactly one may win. moto on its own lets several win.
 */
class DynamoDbConditionalAtomicityTest {
    private static final int RACERS = 12;
    private static final int ROUNDS = 30;

    private static DynamoDbClient dynamo;
    private static String table;

    @BeforeAll
    static void createTable() {
        dynamo = AwsClients.dynamoDb(LocalAws.shared());
        table = DynamoTables.createHashKeyTable(dynamo, AwsClients.uniqueName("race"));
    }

    @AfterAll
    static void disconnect() {
        dynamo.close();
    }

    @Test
    void exactlyOneOfManyConcurrentConditionalUpdatesWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String key = "item-" + round;
                dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s(key), "state", s("PENDING"))));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < RACERS; i++) {
                    String owner = "racer-" + i;
                    results.add(pool.submit(() -> {
                        start.await();
                        try {
                            dynamo.updateItem(b -> b.tableName(table).key(Map.of("pk", s(key)))
                                    .updateExpression("SET #state = :taken, owner_ = :owner")
                                    .conditionExpression("#state = :pending")
                                    .expressionAttributeNames(Map.of("#state", "state"))
                                    .expressionAttributeValues(Map.of(":taken", s("TAKEN"), ":owner", s(owner),
                                            ":pending", s("PENDING"))));
                            return true;
                        } catch (ConditionalCheckFailedException lost) {
                            return false;
                        }
                    }));
                }
                start.countDown();
                int winners = 0;
                for (Future<Boolean> result : results) {
                    winners += result.get() ? 1 : 0;
                }
                assertThat(winners).as("winners in round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
