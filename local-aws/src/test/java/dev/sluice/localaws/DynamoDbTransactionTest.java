package dev.sluice.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Idempotent job submission writes the job and its idempotency record in one transaction; the
 * cancellation reasons say which condition failed.
 *
 * <p>moto answers like DynamoDB here: one reason per action in request order, "None" for the
 * actions that did not fail, and the old item on the failed one only when that action asked for
 * it with ReturnValuesOnConditionCheckFailure ALL_OLD.
 */
class DynamoDbTransactionTest {

    private static final Map<String, AttributeValue> EXISTING = Map.of(
            "pk", AttributeValue.fromS("idem-1"), "jobId", AttributeValue.fromS("job-1"));

    private static DynamoDbClient dynamo;
    private static String table;

    @BeforeAll
    static void createTable() {
        dynamo = AwsClients.dynamoDb(LocalAws.shared());
        table = DynamoTables.createHashKeyTable(dynamo, AwsClients.uniqueName("idempotency"));
        dynamo.putItem(b -> b.tableName(table).item(EXISTING));
    }

    @AfterAll
    static void disconnect() {
        dynamo.close();
    }

    @Test
    void failedPutConditionCancelsWithConditionalCheckFailedAndCarriesOldItemWhenAllOld() {
        assertThatThrownBy(() -> dynamo.transactWriteItems(b -> b.transactItems(
                newJob("job-2"),
                claimIdempotencyKey("job-2", ReturnValuesOnConditionCheckFailure.ALL_OLD))))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.cancellationReasons()).extracting(CancellationReason::code)
                            .containsExactly("None", "ConditionalCheckFailed");
                    assertThat(e.cancellationReasons().get(1).item()).isEqualTo(EXISTING);
                });
        assertNothingWritten("job-2");
    }

    @Test
    void failedPutConditionCarriesNoItemWithoutAllOld() {
        assertThatThrownBy(() -> dynamo.transactWriteItems(b -> b.transactItems(
                newJob("job-3"),
                claimIdempotencyKey("job-3", ReturnValuesOnConditionCheckFailure.NONE))))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.cancellationReasons()).extracting(CancellationReason::code)
                            .containsExactly("None", "ConditionalCheckFailed");
                    assertThat(e.cancellationReasons().get(1).hasItem()).isFalse();
                });
        assertNothingWritten("job-3");
    }

    private static TransactWriteItem newJob(String jobId) {
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(table)
                .item(Map.of("pk", AttributeValue.fromS(jobId)))
                .build()).build();
    }

    private static TransactWriteItem claimIdempotencyKey(String jobId, ReturnValuesOnConditionCheckFailure onFailure) {
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(table)
                .item(Map.of("pk", AttributeValue.fromS("idem-1"), "jobId", AttributeValue.fromS(jobId)))
                .conditionExpression("attribute_not_exists(pk)")
                .returnValuesOnConditionCheckFailure(onFailure)
                .build()).build();
    }

    private static void assertNothingWritten(String jobId) {
        assertThat(dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS(jobId)))
                .consistentRead(true)).hasItem()).isFalse();
        assertThat(dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS("idem-1")))
                .consistentRead(true)).item()).isEqualTo(EXISTING);
    }
}
