package dev.sluice.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/** State transitions are conditional updates; a lost race must tell the loser the current state. */
class DynamoDbConditionalUpdateTest {

    private static DynamoDbClient dynamo;
    private static String table;

    @BeforeAll
    static void createTable() {
        dynamo = AwsClients.dynamoDb(LocalAws.shared());
        table = DynamoTables.createHashKeyTable(dynamo, AwsClients.uniqueName("jobs"));
    }

    @AfterAll
    static void disconnect() {
        dynamo.close();
    }

    @Test
    void failedConditionReturnsOldItemWithAllOld() {
        Map<String, AttributeValue> running = Map.of("pk", s("job-1"), "state", s("RUNNING"), "attempt", n("1"));
        dynamo.putItem(b -> b.tableName(table).item(running));

        assertThatThrownBy(() -> dynamo.updateItem(b -> b.tableName(table)
                .key(Map.of("pk", s("job-1")))
                .updateExpression("SET #state = :next")
                .conditionExpression("#state = :expected")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(":next", s("SUCCEEDED"), ":expected", s("QUEUED")))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                .isInstanceOfSatisfying(ConditionalCheckFailedException.class,
                        e -> assertThat(e.item()).isEqualTo(running));
        assertThat(dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", s("job-1"))).consistentRead(true)).item())
                .isEqualTo(running);
    }

    @Test
    void setAndAddCounterReturnAllNew() {
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("job-2"), "state", s("QUEUED"))));

        Map<String, AttributeValue> updated = dynamo.updateItem(b -> b.tableName(table)
                .key(Map.of("pk", s("job-2")))
                .updateExpression("SET #state = :next ADD attempts :one")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(":next", s("RUNNING"), ":one", n("1")))
                .returnValues(ReturnValue.ALL_NEW)).attributes();

        assertThat(updated).isEqualTo(Map.of("pk", s("job-2"), "state", s("RUNNING"), "attempts", n("1")));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }
}
