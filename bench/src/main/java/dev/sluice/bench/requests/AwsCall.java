package dev.sluice.bench.requests;

import java.util.Comparator;

/** One kind of AWS request: the SDK's service and operation names, as the apps' counter labels them. */
public record AwsCall(String service, String operation) implements Comparable<AwsCall> {
    private static final Comparator<AwsCall> ORDER = Comparator.comparing(AwsCall::service)
            .thenComparing(AwsCall::operation);

    @Override
    public int compareTo(AwsCall other) {
        return ORDER.compare(this, other);
    }
}
