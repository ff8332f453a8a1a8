package dev.sluice.modelsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;

class CustomAttributesAuditTest extends SimTestBase {

    @Test
    void customAttributesAreEchoedAndAudited() {
        String attributes = SageMakerClients.attributes("task-17", 5, "worker-a");
        long before = System.nanoTime();
        InvokeEndpointResponse response = sdk.invokeEndpoint(
                SageMakerClients.invocation(SageMakerClients.IMAGE_ENDPOINT, "{\"prompt\":\"p\",\"width\":32,\"height\":32}",
                        attributes));
        long after = System.nanoTime();

        assertThat(response.customAttributes()).isEqualTo(attributes);
        assertThat(admin.invocations()).singleElement().satisfies(r -> {
            assertThat(r.endpoint()).isEqualTo(SageMakerClients.IMAGE_ENDPOINT);
            assertThat(r.taskId()).isEqualTo("task-17");
            assertThat(r.fencingToken()).isEqualTo(5L);
            assertThat(r.caller()).isEqualTo("worker-a");
            assertThat(r.customAttributes()).isEqualTo(attributes);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.succeeded()).isTrue();
            assertThat(r.clientDisconnected()).isFalse();
            // Same JVM: the simulator's monotonic clock is the test's.
            assertThat(r.startNanos()).isBetween(before, after);
            assertThat(r.endNanos()).isBetween(r.startNanos(), after);
        });
    }

    @Test
    void invocationWithoutAttributesIsAuditedWithNulls() {
        InvokeEndpointResponse response = sdk.invokeEndpoint(SageMakerClients.image("p", 16, 16, null));

        assertThat(response.customAttributes()).isNull();
        assertThat(admin.invocations()).singleElement().satisfies(r -> {
            assertThat(r.taskId()).isNull();
            assertThat(r.fencingToken()).isNull();
            assertThat(r.caller()).isNull();
        });
    }

    @Test
    void auditCanBeFilteredByTaskAndCleared() {
        sdk.invokeEndpoint(SageMakerClients.image("p", 16, 16, "a"));
        sdk.invokeEndpoint(SageMakerClients.image("p", 16, 16, "b"));
        sdk.invokeEndpoint(SageMakerClients.image("p", 16, 16, "a"));

        assertThat(admin.invocations("a")).hasSize(2).allMatch(r -> r.taskId().equals("a"));
        assertThat(admin.invocations()).hasSize(3);
        admin.clearInvocations();
        assertThat(admin.invocations()).isEmpty();
    }

    @Test
    void concurrentInvocationsAreAllRecordedWithDistinctSequenceNumbers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<InvokeEndpointResponse>> calls = IntStream.range(0, 40)
                    .mapToObj(i -> pool.submit(() -> sdk.invokeEndpoint(SageMakerClients.image("p" + i, 16, 16, "t" + i))))
                    .toList();
            for (Future<InvokeEndpointResponse> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdown();
        }

        List<InvocationRecord> records = admin.invocations();
        assertThat(records).hasSize(40);
        assertThat(records).extracting(InvocationRecord::seq).doesNotHaveDuplicates();
        assertThat(records).extracting(InvocationRecord::taskId).doesNotHaveDuplicates();
    }
}
