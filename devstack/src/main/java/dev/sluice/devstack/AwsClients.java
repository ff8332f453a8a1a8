package dev.sluice.devstack;

import dev.sluice.localaws.LocalAws;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SDK clients pointed at the local servers, for provisioning and for tests to look at the real state. */
public record AwsClients(SqsClient sqs, DynamoDbClient dynamo, S3Client s3, SecretsManagerClient secretsManager)
        implements AutoCloseable {

    public static AwsClients forLocal(LocalAws aws) {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                aws.credentials().accessKeyId(), aws.credentials().secretAccessKey()));
        Region region = Region.of(aws.region());
        URI sqsEndpoint = aws.endpoints().sqs();
        URI dynamoEndpoint = aws.endpoints().dynamoDb();
        URI s3Endpoint = aws.endpoints().s3();
        return new AwsClients(
                SqsClient.builder().endpointOverride(sqsEndpoint).region(region).credentialsProvider(credentials)
                        .httpClient(UrlConnectionHttpClient.create()).build(),
                DynamoDbClient.builder().endpointOverride(dynamoEndpoint).region(region)
                        .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build(),
                S3Client.builder().endpointOverride(s3Endpoint).region(region).credentialsProvider(credentials)
                        .forcePathStyle(true).httpClient(UrlConnectionHttpClient.create()).build(),
                SecretsManagerClient.builder().endpointOverride(aws.endpoints().secretsManager()).region(region)
                        .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build());
    }

    @Override
    public void close() {
        sqs.close();
        dynamo.close();
        s3.close();
        secretsManager.close();
    }
}
