package dev.sluice.worker.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.Task;
import dev.sluice.core.job.TaskRef;
import dev.sluice.core.store.JobStore;
import dev.sluice.devstack.DevStack;
import dev.sluice.devstack.DevStackResource;
import dev.sluice.modelsim.FailureKind;
import dev.sluice.modelsim.FaultRule;
import dev.sluice.modelsim.ModelSimClient;
import dev.sluice.worker.Tasks;
import dev.sluice.worker.metrics.ModelMetrics;
import dev.sluice.worker.queue.QueuePoller;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The breaker on the model endpoint, with the test settings of application.properties: it opens when
 * 12 calls in a row fail and stays open 5 s.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = DevStackResource.MODEL, value = "true"))
class ModelCircuitBreakerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    JobStore jobs;

    @Inject
    ModelCircuit circuit;

    @Inject
    ModelMetrics modelMetrics;

    @Inject
    MeterRegistry registry;

    @Inject
    QueuePoller poller;

    private String marker;

    @BeforeEach
    void closedBreaker() {
        circuit.reset();
        marker = "endpoint-down-" + UUID.randomUUID();
    }

    @AfterEach
    void endpointBack() {
        removeFault(marker);
        circuit.reset();
    }

    @Test
    void aBurstOfTransientFailuresOpensTheBreakerWhichPausesReceivingUntilAProbeSucceeds() {
        DevStack.shared().modelSimClient().addFault(FaultRule.always(marker, FailureKind.UNAVAILABLE));
        double retriesBefore = modelMetrics.retries();
        List<TaskRef> burst = IntStream.range(0, 8).mapToObj(i -> Tasks.submitImage(jobs, marker)).toList();

        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> circuitGauge() == 2.0);
        assertThat(circuit.state()).isEqualTo(CircuitBreakerState.OPEN);
        assertThat(modelMetrics.retries()).as("each failing task was retried in-process first")
                .isGreaterThanOrEqualTo(retriesBefore + 4);

        // While open nothing is received: a new task stays in the queue, untouched, and no slot is busy.
        TaskRef waiting = Tasks.submitImage(jobs, "submitted-while-open");
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    Task task = jobs.findTask(waiting).orElseThrow();
                    return circuit.state() == CircuitBreakerState.OPEN && task.status() == JobStatus.PENDING
                            && task.attempts() == 0 && poller.slots().free() == poller.slots().capacity();
                });
        assertThat(visibleMessages()).isGreaterThanOrEqualTo(1);
        assertThat(DevStack.shared().modelSimClient().invocations(waiting.taskId())).isEmpty();

        // The endpoint recovers: after the breaker's delay one probe succeeds, it closes, all tasks complete.
        removeFault(marker);
        Task done = Tasks.awaitTask(jobs, waiting, TIMEOUT, t -> t.status().isTerminal());
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.modelFailures()).isZero();
        int modelFailures = 0;
        for (TaskRef ref : burst) {
            Task task = Tasks.awaitTask(jobs, ref, TIMEOUT, t -> t.status().isTerminal());
            assertThat(task.status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(task.attempts()).as("an open breaker costs no extra attempts").isLessThanOrEqualTo(2);
            assertThat(task.modelFailures()).as("only failures the model answered count, never the breaker's refusals")
                    .isLessThanOrEqualTo(task.attempts() - 1);
            modelFailures += task.modelFailures();
        }
        assertThat(modelFailures).as("the calls that opened the breaker were the tasks' own failures").isPositive();
        assertThat(circuit.state()).isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(circuitGauge()).isZero();
    }

    private double circuitGauge() {
        return registry.get("sluice.worker.model.circuit.state").gauge().value();
    }

    private static int visibleMessages() {
        DevStack stack = DevStack.shared();
        String count = stack.clients().sqs().getQueueAttributes(b -> b.queueUrl(stack.resources().queueUrl())
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
        return Integer.parseInt(count);
    }

    /** The simulator removes rules only all at once: put the others back. */
    private static void removeFault(String match) {
        ModelSimClient sim = DevStack.shared().modelSimClient();
        List<FaultRule> others = sim.faults().stream().filter(r -> !r.match().equals(match)).toList();
        sim.clearFaults();
        others.forEach(sim::addFault);
    }
}
