package dev.sluice.worker.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.job.Job;
import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.JobType;
import dev.sluice.core.job.NewJob;
import dev.sluice.core.job.TaskRef;
import dev.sluice.core.message.TaskMessage;
import dev.sluice.core.message.TaskMessageCodec;
import dev.sluice.core.store.JobCreation;
import dev.sluice.core.store.JobStore;
import dev.sluice.devstack.DevStack;
import dev.sluice.devstack.DevStackResource;
import dev.sluice.worker.Tasks;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** The worker continues the trace whose context arrives in the message attributes. */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = DevStackResource.MODEL, value = "true"))
class TaskTraceTest {
    /** As the API's request span would put it (W3C trace context, sampled). */
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String API_SPAN_ID = "00f067aa0ba902b7";

    @Inject
    JobStore jobs;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theTaskSpanIsAChildOfTheSendersSpanAndTheStepsAndClientCallsNestUnderIt() {
        String input = "{\"prompt\":\"traced " + UUID.randomUUID() + "\",\"width\":64,\"height\":64}";
        Job job = ((JobCreation.Created) jobs.create(new NewJob(Tasks.OWNER, JobType.IMAGE_GENERATION, input,
                Optional.empty(), UUID.randomUUID().toString()))).job();
        TaskRef ref = job.tasks().get(0).ref();
        DevStack stack = DevStack.shared();
        stack.clients().sqs().sendMessage(b -> b.queueUrl(stack.resources().queueUrl())
                .messageBody(TaskMessageCodec.encode(TaskMessage.of(ref, JobType.IMAGE_GENERATION, Tasks.OWNER, Instant.now())))
                .messageAttributes(Map.of("traceparent", MessageAttributeValue.builder().dataType("String")
                        .stringValue("00-" + TRACE_ID + "-" + API_SPAN_ID + "-01").build())));

        assertThat(Tasks.awaitTask(jobs, ref, Duration.ofSeconds(30), t -> t.status().isTerminal()).status())
                .isEqualTo(JobStatus.COMPLETED);
        List<SpanData> trace = Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> inTrace(), list -> list.stream().anyMatch(s -> s.getName().equals("sluice-tasks process")));

        SpanData task = byName(trace, "sluice-tasks process");
        assertThat(task.getParentSpanId()).isEqualTo(API_SPAN_ID);
        assertThat(task.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(task.getAttributes().asMap().toString()).contains(ref.taskId()).contains("completed");
        for (String step : List.of("lease.acquire", "model.invoke", "output.write", "lease.commit")) {
            assertThat(byName(trace, step).getParentSpanId()).as(step).isEqualTo(task.getSpanId());
        }
        assertThat(trace).as("the SageMaker call, under model.invoke")
                .anySatisfy(s -> {
                    assertThat(s.getKind()).isEqualTo(SpanKind.CLIENT);
                    assertThat(s.getName()).startsWith("SageMakerRuntime");
                    assertThat(s.getParentSpanId()).isEqualTo(byName(trace, "model.invoke").getSpanId());
                });
        assertThat(trace).as("the S3 put, under output.write").anySatisfy(s -> {
            assertThat(s.getName()).startsWith("S3.PutObject");
            assertThat(s.getParentSpanId()).isEqualTo(byName(trace, "output.write").getSpanId());
        });
        assertThat(trace).as("the DynamoDB commit, under lease.commit").anySatisfy(s -> {
            assertThat(s.getName()).startsWith("DynamoDb.UpdateItem");
            assertThat(s.getParentSpanId()).isEqualTo(byName(trace, "lease.commit").getSpanId());
        });
    }

    private List<SpanData> inTrace() {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(TRACE_ID)).toList();
    }

    private static SpanData byName(List<SpanData> spans, String name) {
        return spans.stream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + spans.stream().map(SpanData::getName).toList()));
    }
}
