package dev.sluice.core.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.store.JobTable;
import dev.sluice.localaws.LocalAws;
import dev.sluice.localaws.LocalPorts;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Requests as the SDK sends them, against moto and against a port nobody listens on. */
class AwsRequestCounterTest {
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<String, Integer> countersMade = new ConcurrentHashMap<>();
    private final AwsRequestCounter counter = new AwsRequestCounter((service, operation) -> {
        countersMade.merge(service + "/" + operation, 1, Integer::sum);
        AtomicLong count = counts.computeIfAbsent(service + "/" + operation, k -> new AtomicLong());
        return count::incrementAndGet;
    });

    @Test
    void everyRequestIsCountedByServiceAndOperation() {
        LocalAws aws = LocalAws.shared();
        try (DynamoDbClient dynamo = client(aws.endpoints().dynamoDb(), 3)) {
            String table = "counted-" + UUID.randomUUID();
            dynamo.createTable(JobTable.definition(table));
            Map<String, AttributeValue> key = Map.of(JobTable.PK, AttributeValue.fromS("p"), JobTable.SK, AttributeValue.fromS("s"));
            dynamo.putItem(b -> b.tableName(table).item(key));
            dynamo.getItem(b -> b.tableName(table).key(key));
            dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true));
        }

        assertThat(counts.get("DynamoDb/CreateTable")).hasValue(1);
        assertThat(counts.get("DynamoDb/PutItem")).hasValue(1);
        assertThat(counts.get("DynamoDb/GetItem")).hasValue(2);
        assertThat(countersMade).as("one counter per operation, made once").containsEntry("DynamoDb/GetItem", 1);
    }

    @Test
    void eachAttemptOfARetriedCallIsARequest() {
        URI nobody = URI.create("http://127.0.0.1:" + LocalPorts.free());
        try (DynamoDbClient dynamo = client(nobody, 3)) {
            assertThatThrownBy(() -> dynamo.getItem(b -> b.tableName("t")
                    .key(Map.of(JobTable.PK, AttributeValue.fromS("p"), JobTable.SK, AttributeValue.fromS("s")))))
                    .isInstanceOf(SdkClientException.class);
        }

        assertThat(counts.get("DynamoDb/GetItem")).as("3 attempts, all refused").hasValue(3);
    }

    private DynamoDbClient client(URI endpoint, int maxAttempts) {
        LocalAws aws = LocalAws.shared();
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(aws.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        aws.credentials().accessKeyId(), aws.credentials().secretAccessKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(counter)
                        .retryStrategy(r -> r.maxAttempts(maxAttempts)))
                .build();
    }
}
