package dev.sluice.worker.tracing;

import dev.sluice.core.lease.Lease;
import dev.sluice.core.message.TaskMessage;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * One trace per job: the API puts its request's W3C trace context into the message attributes, and
 * the worker continues that trace with a span per message and child spans for the steps that matter
 * (lease, model, output, commit). The AWS SDK clients' own spans nest under whichever step is current.
 */
@ApplicationScoped
public class TaskTracing {
    private static final TextMapGetter<Message> ATTRIBUTES = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Message carrier) {
            return carrier.messageAttributes().keySet();
        }

        @Override
        public String get(Message carrier, String key) {
            if (carrier == null) {
                return null;
            }
            MessageAttributeValue value = carrier.messageAttributes().get(key);
            return value == null ? null : value.stringValue();
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public TaskTracing(OpenTelemetry telemetry) {
        this.tracer = telemetry.getTracer("dev.sluice.worker");
        this.propagator = telemetry.getPropagators().getTextMapPropagator();
    }

    /** The span of one message's handling, a child of the span that sent it (or a new trace). */
    public Span startTask(Message message) {
        Context parent = propagator.extract(Context.root(), message, ATTRIBUTES);
        return tracer.spanBuilder("sluice-tasks process")
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "aws_sqs")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.message.id", message.messageId())
                .startSpan();
    }

    public static void describe(Span span, TaskMessage task) {
        span.setAttribute("sluice.job.id", task.jobId());
        span.setAttribute("sluice.task.id", task.taskId());
        span.setAttribute("sluice.job.type", task.type().wireName());
    }

    public static void describe(Span span, Lease lease) {
        span.setAttribute("sluice.attempt", lease.attempt());
        span.setAttribute("sluice.fencing_token", lease.fencingToken());
    }

    /** Runs {@code step} in a child span of the current one; an exception marks the span as an error. */
    public <T> T step(String name, Supplier<T> step) {
        Span span = tracer.spanBuilder(name).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return step.get();
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }
}
