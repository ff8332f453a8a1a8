package dev.sluice.chaos;

import java.util.Locale;

/** Which endpoints an outage takes away. DynamoDB only: S3 shares moto's port but stays reachable. */
public enum OutageTarget {
    SQS,
    DYNAMODB,
    BOTH;

    public boolean includesSqs() {
        return this != DYNAMODB;
    }

    public boolean includesDynamoDb() {
        return this != SQS;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OutageTarget parse(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "sqs":
                return SQS;
            case "dynamodb":
            case "ddb":
                return DYNAMODB;
            case "both":
                return BOTH;
            default:
                throw new IllegalArgumentException("--outage-target must be sqs, dynamodb or both, was " + text);
        }
    }
}
