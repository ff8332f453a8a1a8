package dev.sluice.api.metrics;

import dev.sluice.core.cost.AwsRequestCounter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * {@code sluice_aws_requests_total{service,operation}}: every request this app sends to AWS (see
 * {@link AwsRequestCounter}). One instance serves every client: the extensions' clients get it from
 * {@code quarkus.<service>.interceptors}, which looks the class up as a bean first.
 */
@Singleton
public class AwsRequestMetrics extends AwsRequestCounter {

    public AwsRequestMetrics(MeterRegistry registry) {
        super((service, operation) -> Counter.builder(METRIC).description(DESCRIPTION)
                .tags(SERVICE_TAG, service, OPERATION_TAG, operation).register(registry)::increment);
    }
}
