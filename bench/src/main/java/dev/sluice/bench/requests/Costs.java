package dev.sluice.bench.requests;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Request counts turned into dollars with {@link PriceList}, summed by the service AWS bills. */
final class Costs {
    private static final Map<String, String> BILLED_AS = Map.of("Sqs", "SQS", "DynamoDb", "DynamoDB", "S3", "S3",
            "SecretsManager", "Secrets Manager", "SageMakerRuntime", "SageMaker runtime");

    private Costs() {
    }

    static String billedAs(String sdkService) {
        return BILLED_AS.getOrDefault(sdkService, sdkService);
    }

    /** Dollars of {@code counts}, by billed service, in a stable order; unpriced calls add nothing. */
    static Map<String, Double> byService(RequestCounts counts) {
        Map<String, Double> dollars = new LinkedHashMap<>();
        counts.counts().forEach((call, n) -> dollars.merge(billedAs(call.service()), n * PriceList.of(call).dollars(),
                Double::sum));
        return dollars;
    }

    static double total(RequestCounts counts) {
        return byService(counts).values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The billed services of {@code counts} with at least one priced call. */
    static Set<String> pricedServices(RequestCounts counts) {
        Set<String> priced = new TreeSet<>();
        counts.counts().keySet().stream().filter(call -> PriceList.of(call).priced())
                .forEach(call -> priced.add(billedAs(call.service())));
        return priced;
    }

    /** The calls in {@code counts} that the price list cannot price, as "Service Operation". */
    static Set<String> unpriced(RequestCounts counts) {
        Set<String> unpriced = new TreeSet<>();
        counts.counts().keySet().stream().filter(call -> !PriceList.of(call).priced())
                .forEach(call -> unpriced.add(call.service() + " " + call.operation()));
        return unpriced;
    }

    static String usd(double dollars) {
        return String.format("$%.2f", dollars);
    }
}
