package dev.sluice.localaws;

import java.net.URI;

/**
 * Where the local servers answer. SQS is ElasticMQ; every other service is the one moto server.
 * S3 clients must use path-style addressing: bucket host names do not resolve to 127.0.0.1.
 */
public record Endpoints(URI sqs, URI moto) {

    public URI dynamoDb() {
        return moto;
    }

    public URI s3() {
        return moto;
    }

    public URI sns() {
        return moto;
    }

    public URI secretsManager() {
        return moto;
    }

    public URI kms() {
        return moto;
    }
}
