package dev.sluice.modelsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

class ClientDisconnectTest extends SimTestBase {

    @Test
    void callerThatGaveUpIsAuditedAsDisconnected() throws Exception {
        admin.setLatency(new LatencySpec.Fixed(600));
        try (SageMakerRuntimeClient impatient = SageMakerClients.forSim(sim.uri(), Duration.ofMillis(150))) {
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> impatient.invokeEndpoint(SageMakerClients.image("p", 8, 8, "gone")))
                        .isInstanceOf(ApiCallTimeoutException.class);
            }
        }

        // The simulator finishes sleeping after the caller has left: wait for its records.
        List<InvocationRecord> records = List.of();
        for (long deadline = System.nanoTime() + 15_000_000_000L; records.size() < 3 && System.nanoTime() < deadline; ) {
            Thread.sleep(50);
            records = admin.invocations("gone");
        }
        assertThat(records).hasSize(3).allSatisfy(r -> assertThat(r.succeeded()).isTrue());
        // Detection is best effort (a write into a closed socket may still succeed once), but on
        // loopback the reset arrives before the body is written.
        assertThat(records).anySatisfy(r -> assertThat(r.clientDisconnected()).isTrue());
    }
}
