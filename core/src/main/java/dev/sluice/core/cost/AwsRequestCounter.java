package dev.sluice.core.cost;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts every HTTP request an AWS SDK client sends, by service and operation, because SQS, S3 and
 * DynamoDB on demand bill per request: the counts are the bill's shape. Each attempt counts, retries
 * included, since AWS receives (and bills) each one; it is counted just before it is sent, so one
 * that fails on the network counts too. A presigned URL is no request of this client: whoever uses it
 * makes the request.
 *
 * <p>The apps turn the counts into a metric through {@link Counters} (core has no metrics library);
 * after the first request of an operation the cost is two map lookups and the counter's increment.
 */
public class AwsRequestCounter implements ExecutionInterceptor {
    /** The metric's name in the apps (Prometheus: {@code sluice_aws_requests_total}). */
    public static final String METRIC = "sluice.aws.requests";
    public static final String DESCRIPTION = "HTTP requests sent to AWS, each retry included, by service and operation";
    public static final String SERVICE_TAG = "service";
    public static final String OPERATION_TAG = "operation";
    static final String UNKNOWN = "unknown";

    /** Makes the counter of one service and operation; called once for each pair. */
    @FunctionalInterface
    public interface Counters {
        Runnable counter(String service, String operation);
    }

    private final Counters counters;
    private final ConcurrentMap<String, ConcurrentMap<String, Runnable>> byService = new ConcurrentHashMap<>();

    public AwsRequestCounter(Counters counters) {
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    /** Called once per attempt, after signing, right before the HTTP request goes out. */
    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String service = orUnknown(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME));
        String operation = orUnknown(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        ConcurrentMap<String, Runnable> operations = byService.get(service);
        if (operations == null) {
            operations = byService.computeIfAbsent(service, s -> new ConcurrentHashMap<>());
        }
        Runnable counter = operations.get(operation);
        if (counter == null) {
            counter = operations.computeIfAbsent(operation, o -> counters.counter(service, o));
        }
        counter.run();
    }

    private static String orUnknown(String value) {
        return value == null || value.isEmpty() ? UNKNOWN : value;
    }
}
