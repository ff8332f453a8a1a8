package dev.sluice.modelsim;

import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Reads videos with the AWS SDK S3 client, built on first use so that a simulator that only ever
 * generates images needs no S3 configuration at all.
 */
final class S3VideoSource implements VideoSource, AutoCloseable {

    private final S3Settings settings;
    private S3Client s3;

    S3VideoSource(S3Settings settings) {
        this.settings = settings;
    }

    private synchronized S3Client client() {
        if (s3 == null) {
            s3 = build(settings);
        }
        return s3;
    }

    @Override
    public Optional<InputStream> open(String bucket, String key) {
        try {
            return Optional.of(client().getObject(GetObjectRequest.builder().bucket(bucket).key(key).build()));
        } catch (NoSuchKeyException | NoSuchBucketException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            // Some S3 emulators answer a bare 404 without a modelled error code.
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public synchronized void close() {
        if (s3 != null) {
            s3.close();
            s3 = null;
        }
    }

    private static S3Client build(S3Settings settings) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(settings.region()));
        URI endpoint = settings.resolvedEndpoint();
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
            // Emulators accept any key; a developer without AWS credentials should still get a
            // working simulator against them.
            builder.credentialsProvider(AwsCredentialsProviderChain.builder()
                    .reuseLastProviderEnabled(true)
                    .credentialsProviders(DefaultCredentialsProvider.builder().build(),
                            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .build());
        }
        builder.forcePathStyle(settings.resolvedForcePathStyle());
        return builder.build();
    }
}
