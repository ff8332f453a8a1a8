package dev.sluice.modelsim;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error response exactly as SageMaker Runtime sends it over its REST-JSON protocol: the code in
 * the {@code x-amzn-ErrorType} header and a JSON body. The AWS SDKs pick the modelled exception
 * from the code and fill its members from the body, so field names must match the service model
 * ({@code OriginalStatusCode}, {@code OriginalMessage}, {@code LogStreamArn}).
 */
record SageMakerError(int status, String code, ObjectNode body) {

    static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";

    /** The account in log stream ARNs: the simulator has none, so the conventional all-zero one. */
    private static final String ACCOUNT = "000000000000";

    static SageMakerError forKind(FailureKind kind, String endpoint, String region, String detail) {
        return switch (kind) {
            case MODEL_5XX -> modelError(500, endpoint, region, detail);
            case MODEL_4XX -> modelError(400, endpoint, region, detail);
            case THROTTLE -> simple(400, "ThrottlingException", "Rate exceeded");
            case UNAVAILABLE -> simple(503, "ServiceUnavailable",
                    "The service is unavailable. Please try again later.");
        };
    }

    /** The model container answered {@code originalStatus}: SageMaker reports that as 424 ModelError. */
    static SageMakerError modelError(int originalStatus, String endpoint, String region, String originalMessage) {
        String kind = originalStatus >= 500 ? "server" : "client";
        String logGroup = "/aws/sagemaker/Endpoints/" + endpoint;
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("message", "Received " + kind + " error (" + originalStatus + ") from primary with message \""
                + originalMessage + "\". See the log group " + logGroup + " in account " + ACCOUNT
                + " for more information.");
        body.put("OriginalStatusCode", originalStatus);
        body.put("OriginalMessage", originalMessage);
        body.put("LogStreamArn", "arn:aws:logs:" + region + ":" + ACCOUNT + ":log-group:" + logGroup);
        return new SageMakerError(424, "ModelError", body);
    }

    static SageMakerError validation(String message) {
        return simple(400, "ValidationError", message);
    }

    static SageMakerError internalFailure(String message) {
        return simple(500, "InternalFailure", message);
    }

    static SageMakerError unknownOperation(String message) {
        return simple(404, "UnknownOperationException", message);
    }

    private static SageMakerError simple(int status, String code, String message) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("message", message);
        return new SageMakerError(status, code, body);
    }
}
