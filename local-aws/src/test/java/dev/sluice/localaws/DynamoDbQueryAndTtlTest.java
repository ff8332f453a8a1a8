package dev.sluice.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** Jobs are listed per tenant with strongly consistent queries, by state through a GSI, and expire by TTL. */
class DynamoDbQueryAndTtlTest {

    private static DynamoDbClient dynamo;
    private static String table;

    @BeforeAll
    static void createTable() {
        dynamo = AwsClients.dynamoDb(LocalAws.shared());
        table = AwsClients.uniqueName("tenant-jobs");
        dynamo.createTable(b -> b.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        a -> a.attributeName("tenant").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("jobId").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("state").attributeType(ScalarAttributeType.S))
                .keySchema(
                        k -> k.attributeName("tenant").keyType(KeyType.HASH),
                        k -> k.attributeName("jobId").keyType(KeyType.RANGE))
                .globalSecondaryIndexes(g -> g.indexName("by-state")
                        .keySchema(k -> k.attributeName("state").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(table));
        put("acme", "job-1", "RUNNING");
        put("acme", "job-2", "QUEUED");
        put("other", "job-3", "RUNNING");
    }

    @AfterAll
    static void disconnect() {
        dynamo.close();
    }

    @Test
    void consistentQueryOnBaseTableSeesItsWrites() {
        List<Map<String, AttributeValue>> items = dynamo.query(b -> b.tableName(table)
                .consistentRead(true)
                .keyConditionExpression("tenant = :tenant")
                .expressionAttributeValues(Map.of(":tenant", AttributeValue.fromS("acme")))).items();

        assertThat(items).extracting(item -> item.get("jobId").s()).containsExactly("job-1", "job-2");
    }

    @Test
    void queryOnGsiFindsItemsByState() {
        List<Map<String, AttributeValue>> items = dynamo.query(b -> b.tableName(table)
                .indexName("by-state")
                .keyConditionExpression("#state = :state")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(":state", AttributeValue.fromS("RUNNING")))).items();

        assertThat(items).extracting(item -> item.get("jobId").s()).containsExactlyInAnyOrder("job-1", "job-3");
    }

    @Test
    void updateTimeToLiveIsAcceptedAndDescribed() {
        dynamo.updateTimeToLive(b -> b.tableName(table)
                .timeToLiveSpecification(t -> t.attributeName("expiresAt").enabled(true)));

        var description = dynamo.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
        assertThat(description.attributeName()).isEqualTo("expiresAt");
        assertThat(description.timeToLiveStatus()).isIn(TimeToLiveStatus.ENABLED, TimeToLiveStatus.ENABLING);
    }

    private static void put(String tenant, String jobId, String state) {
        dynamo.putItem(b -> b.tableName(table).item(Map.of(
                "tenant", AttributeValue.fromS(tenant),
                "jobId", AttributeValue.fromS(jobId),
                "state", AttributeValue.fromS(state))));
    }
}
