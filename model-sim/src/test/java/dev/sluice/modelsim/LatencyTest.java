package dev.sluice.modelsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Timing is only ever asserted from below or with wide margins: CI machines stall. */
class LatencyTest extends SimTestBase {

    @Test
    void fixedLatencyDelaysTheResponse() {
        admin.setLatency(new LatencySpec.Fixed(300));

        long start = System.nanoTime();
        sdk.invokeEndpoint(SageMakerClients.image("slow", 16, 16, "t"));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(elapsedMs).isGreaterThanOrEqualTo(300);
        assertThat(admin.invocations()).singleElement().satisfies(r -> {
            assertThat(r.simulatedLatencyMillis()).isEqualTo(300);
            assertThat(r.durationMillis()).isGreaterThanOrEqualTo(300);
        });
    }

    @Test
    void uniformLatencyStaysWithinItsBounds() {
        admin.setLatency(new LatencySpec.Uniform(20, 60));

        for (int i = 0; i < 10; i++) {
            sdk.invokeEndpoint(SageMakerClients.image("p", 16, 16, "t"));
        }

        assertThat(admin.invocations()).hasSize(10)
                .allSatisfy(r -> assertThat(r.simulatedLatencyMillis()).isBetween(20L, 60L));
        assertThat(admin.invocations().stream().map(InvocationRecord::simulatedLatencyMillis).distinct().count())
                .isGreaterThan(1);
    }

    @Test
    void slowInvocationsAreServedInParallel() throws Exception {
        admin.setLatency(new LatencySpec.Fixed(500));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        try {
            List<Future<?>> calls = IntStream.range(0, 8)
                    .<Future<?>>mapToObj(i -> pool.submit(() -> sdk.invokeEndpoint(SageMakerClients.image("p", 16, 16, "t"))))
                    .toList();
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdown();
        }
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        // Serially this would take 4 s.
        assertThat(elapsedMs).isLessThan(3_000);
    }
}
