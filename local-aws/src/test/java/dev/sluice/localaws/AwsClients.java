package dev.sluice.localaws;

import java.net.URI;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Real SDK v2 sync clients configured the way Sluice's applications will be. */
final class AwsClients {

    private static final Region REGION = Region.of(LocalAws.REGION);

    private AwsClients() {
    }

    static SqsClient sqs(LocalAws aws) {
        return sqs(aws.endpoints().sqs());
    }

    static SqsClient sqs(URI endpoint) {
        return SqsClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    static DynamoDbClient dynamoDb(LocalAws aws) {
        return dynamoDb(aws.endpoints().dynamoDb());
    }

    static DynamoDbClient dynamoDb(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    static S3Client s3(LocalAws aws) {
        return S3Client.builder()
                .endpointOverride(aws.endpoints().s3())
                .region(REGION)
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .forcePathStyle(true)
                .build();
    }

    /** Emulator state outlives a test class: unique names keep classes and reruns apart. */
    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                StaticCredentials.TEST.accessKeyId(), StaticCredentials.TEST.secretAccessKey()));
    }
}
