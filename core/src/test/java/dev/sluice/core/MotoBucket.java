package dev.sluice.core;

import dev.sluice.localaws.LocalAws;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/** A fresh versioned bucket on the shared local moto server, like production's. */
public record MotoBucket(S3Client s3, String name) {

    public static MotoBucket createVersioned() {
        LocalAws aws = LocalAws.shared();
        S3Client s3 = S3Client.builder()
                .endpointOverride(aws.endpoints().s3())
                .region(Region.of(aws.region()))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        aws.credentials().accessKeyId(), aws.credentials().secretAccessKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        String name = "data-" + UUID.randomUUID();
        s3.createBucket(b -> b.bucket(name)
                .createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.fromValue(aws.region()))));
        s3.putBucketVersioning(b -> b.bucket(name)
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        return new MotoBucket(s3, name);
    }
}
