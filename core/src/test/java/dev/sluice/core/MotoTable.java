package dev.sluice.core;

import dev.sluice.core.store.JobTable;
import dev.sluice.localaws.LocalAws;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A fresh job table on the shared local moto server, so test classes never see each other's items. */
public record MotoTable(DynamoDbClient dynamo, String name) {

    public static MotoTable create() {
        LocalAws aws = LocalAws.shared();
        DynamoDbClient dynamo = DynamoDbClient.builder()
                .endpointOverride(aws.endpoints().dynamoDb())
                .region(Region.of(aws.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        aws.credentials().accessKeyId(), aws.credentials().secretAccessKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        String name = "jobs-" + UUID.randomUUID();
        dynamo.createTable(JobTable.definition(name));
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
        return new MotoTable(dynamo, name);
    }
}
