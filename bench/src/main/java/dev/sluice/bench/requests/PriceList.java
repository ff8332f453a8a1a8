package dev.sluice.bench.requests;

import java.util.Set;

/**
 * AWS list prices per request, and how many billing units each request of Sluice's is assumed to use.
 * Stated in the output with their region and date: they change, check them before quoting a result.
 * Free tiers, data transfer and SageMaker's inference compute (instance-hours, not requests) are left
 * out.
 */
public final class PriceList {
    public static final String SOURCE = "AWS list prices, us-east-1, as published in June 2025 (DynamoDB after its"
            + " 1 Nov 2024 on-demand price cut); to be checked before quoting";

    static final double SQS_REQUEST = 0.40 / 1e6;
    static final double DYNAMO_WRU = 0.625 / 1e6;
    static final double DYNAMO_RRU = 0.125 / 1e6;
    static final double S3_PUT_CLASS = 0.005 / 1e3;
    static final double S3_GET_CLASS = 0.0004 / 1e3;
    static final double SECRETS_CALL = 0.05 / 1e4;
    /** The submission's TransactWriteItems: the idempotency record, the job and its task, 2 WRU each. */
    static final int TRANSACTION_ITEMS = 3;

    private static final Set<String> DYNAMO_WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem");
    private static final Set<String> DYNAMO_READS = Set.of("GetItem", "Query");
    private static final Set<String> DYNAMO_CONTROL = Set.of("DescribeTable", "ListTables", "DescribeTimeToLive",
            "DescribeContinuousBackups", "DescribeEndpoints");

    /** The price of one request, and on what it rests; {@code priced} false when this list has none. */
    public record Price(double dollars, String basis, boolean priced) {
        static Price of(double dollars, String basis) {
            return new Price(dollars, basis, true);
        }

        static Price none(String why) {
            return new Price(0, why, false);
        }
    }

    /** The lines of the price table, for the report. */
    public static String[][] table() {
        return new String[][] {
            {"SQS standard", "$0.40 per million requests; 1 request per 64 KB chunk (Sluice's messages are < 1 KB)"},
            {"DynamoDB on-demand", "$0.625 per million write request units, $0.125 per million read request units"},
            {"S3 Standard", "$0.005 per 1,000 PUT/COPY/POST/LIST, $0.0004 per 1,000 GET/HEAD and others, DELETE free"},
            {"Secrets Manager", "$0.05 per 10,000 API calls"},
            {"SageMaker runtime", "not included: real-time endpoints bill instance-hours, not requests"},
        };
    }

    private PriceList() {
    }

    public static Price of(AwsCall call) {
        String op = call.operation();
        return switch (call.service()) {
            case "Sqs" -> Price.of(SQS_REQUEST, "1 request");
            case "DynamoDb" -> dynamo(op);
            case "S3" -> s3(op);
            case "SecretsManager" -> Price.of(SECRETS_CALL, "1 API call");
            case "SageMakerRuntime" -> Price.none("inference compute, not included");
            default -> Price.none("no price in this list");
        };
    }

    private static Price dynamo(String op) {
        if (DYNAMO_WRITES.contains(op)) {
            return Price.of(DYNAMO_WRU, "1 WRU (item < 1 KB); GSI writes extra");
        }
        if (op.equals("TransactWriteItems")) {
            return Price.of(2 * TRANSACTION_ITEMS * DYNAMO_WRU, 2 * TRANSACTION_ITEMS + " WRU (" + TRANSACTION_ITEMS
                    + " items × 2); GSI writes extra");
        }
        if (DYNAMO_READS.contains(op)) {
            return Price.of(DYNAMO_RRU, "1 RRU (< 4 KB read; at most: eventually consistent reads cost 0.5)");
        }
        if (DYNAMO_CONTROL.contains(op)) {
            return Price.of(0, "control plane, free");
        }
        return Price.none("units unknown: not priced");
    }

    private static Price s3(String op) {
        if (op.startsWith("Delete") || op.startsWith("Abort")) {
            return Price.of(0, "free");
        }
        for (String putClass : new String[] {"Put", "Copy", "Post", "List", "Create", "Complete", "Upload"}) {
            if (op.startsWith(putClass)) {
                return Price.of(S3_PUT_CLASS, "PUT/LIST class");
            }
        }
        return Price.of(S3_GET_CLASS, "GET class");
    }
}
